package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.error.TooManyRowsException;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.LookupClause;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the row of a lookup, plainly or with a row lock. Stateless and thread-safe. */
final class Reads {
  /** How a read treats other transactions' rows. */
  enum Mode {
    /** A consistent read at the transaction's isolation level. */
    PLAIN,
    /** A current read with a shared row lock (waits for uncommitted writers). */
    SHARE,
    /** A current read with an exclusive row lock. */
    UPDATE
  }

  private Reads() {}

  static Optional<Row> find(UpsertCall call, Map<String, Object> lookup, Mode mode) {
    return find(call, call.tx(), lookup, mode);
  }

  static Optional<Row> find(UpsertCall call, JdbcHandle handle, Map<String, Object> lookup, Mode mode) {
    LookupClause where = LookupClause.of(call.table(), lookup, call.dialect(), call.task());
    String sql = call.dialect().causalReadPrefix() + "SELECT * FROM " + call.table().sql() + " WHERE " + where.sql() + " LIMIT 2"
        + lockClause(call, mode);
    List<Row> rows = handle.query(call.task(), sql, where.parameters());
    if (rows.size() > 1) {
      throw new TooManyRowsException(call.details().withSql(sql),
          "more than one row matches " + JdbcHandle.describe(lookup),
          "no unique key stopped the duplicates; clean them up and add a unique key on the lookup's columns",
          null);
    }
    return rows.stream().findFirst();
  }

  /**
   * The row of {@code lookup} just updated by this transaction, which holds its row lock. On
   * MariaDB/MySQL a plain read can miss it: an UPDATE that changes no value makes no new version,
   * so a row committed after the transaction's snapshot stays invisible to it. A locking read of
   * the row already locked sees it and costs no new lock.
   */
  static Row updatedRow(UpsertCall call, Map<String, Object> lookup) {
    Mode mode = call.dialect().onlyLockingReadsSeeNewerRows() ? Mode.UPDATE : Mode.PLAIN;
    return find(call, lookup, mode).orElseThrow(() -> new IllegalStateException(
        "the row this transaction just updated is not found by " + JdbcHandle.describe(lookup)));
  }

  private static String lockClause(UpsertCall call, Mode mode) {
    return mode == Mode.PLAIN ? "" : call.dialect().lockingReadClause(mode == Mode.SHARE);
  }

  /** The lookup restricted to {@code columns}. */
  static Map<String, Object> subset(Map<String, Object> lookup, List<String> columns) {
    Map<String, Object> part = new java.util.LinkedHashMap<>();
    columns.forEach(column -> part.put(column, lookup.get(column)));
    return part;
  }
}
