package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.TableInfo;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The auto-commit read with which {@code Database.getOrCreate} returns an existing row without
 * opening a transaction: returning a row that exists is safe at any isolation level, and it makes
 * the common hot case one statement, like a hand-written SELECT. Stateless and thread-safe.
 */
public final class ExistingRow {
  private ExistingRow() {}

  /**
   * The row of {@code lookup}, checked as getOrCreate checks it; empty when there is none, and also
   * when the defaults contradict the lookup, so that the full call reports that.
   */
  public static Optional<Row> find(
      JdbcHandle handle, String table, Map<String, ?> lookup, Map<String, ?> defaults) {
    String task = "getOrCreate(" + table + ")";
    TableInfo info = handle.table(table, task);
    Map<String, Object> resolved = UpsertCall.resolveLookup(handle.dialect(), info, lookup, task);
    if (defaults != null) {
      for (Map.Entry<String, ?> entry : defaults.entrySet()) {
        String column = info.column(entry.getKey(), task, handle.dialect()).name();
        boolean contradicts = resolved.containsKey(column)
            && (entry.getValue() instanceof Supplier<?> || !Values.same(entry.getValue(), resolved.get(column)));
        if (contradicts) {
          return Optional.empty();
        }
      }
    }
    return handle.find(info.reference(), resolved);
  }
}
