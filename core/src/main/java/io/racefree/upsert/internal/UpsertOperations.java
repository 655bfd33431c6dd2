package io.racefree.upsert.internal;

import io.racefree.internal.JdbcTransaction;
import io.racefree.lock.Assignments;
import io.racefree.upsert.GetOrCreateResult;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import java.util.List;
import java.util.Map;

/**
 * The {@link io.racefree.upsert.Upserts} operations of racefree's own transaction, which passes
 * itself in: no public type is ever cast to an internal one. Stateless and thread-safe. Not API.
 */
public final class UpsertOperations {
  private UpsertOperations() {}

  public static GetOrCreateResult getOrCreate(JdbcTransaction tx, String table, Map<String, ?> lookup,
      Map<String, ?> defaults, UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "getOrCreate", table, lookup, options);
    return GetOrCreateRun.run(call, call.checkedValues(defaults, "defaults"));
  }

  public static UpdateOrCreateResult updateOrCreate(JdbcTransaction tx, String table,
      Map<String, ?> lookup, Map<String, ?> updates, Map<String, ?> createDefaults,
      UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "updateOrCreate", table, lookup, options);
    Map<String, Object> checkedUpdates = call.checkedValues(updates, "updates");
    Map<String, Object> create = createDefaults == null
        ? checkedUpdates
        : call.checkedValues(createDefaults, "create defaults");
    return UpdateOrCreateRun.run(call, checkedUpdates, create);
  }

  public static UpdateOrCreateResult updateOrCreate(JdbcTransaction tx, String table,
      Map<String, ?> lookup, Assignments updates, Map<String, ?> createDefaults,
      UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "updateOrCreate", table, lookup, options);
    Map<String, Object> create = createDefaults == null ? null : call.checkedValues(createDefaults, "create defaults");
    return AssignmentUpsert.run(call, updates, create);
  }

  public static List<GetOrCreateResult> getOrCreateAll(JdbcTransaction tx, String table,
      List<? extends Map<String, ?>> lookups, Map<String, ?> defaults, UpsertOptions options) {
    return BulkGetOrCreate.run(tx, table, lookups, defaults,
        options == null ? UpsertOptions.defaults() : options);
  }

  public static List<UpdateOrCreateResult> updateOrCreateAll(JdbcTransaction tx, String table,
      List<? extends Map<String, ?>> rows, List<String> lookupColumns, UpsertOptions options) {
    return BulkUpdateOrCreate.run(tx, table, rows,
        lookupColumns == null ? null : lookupColumns.toArray(String[]::new),
        options == null ? UpsertOptions.defaults() : options);
  }
}
