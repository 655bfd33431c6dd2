package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.internal.JdbcTransaction;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * update-or-create for many rows in a few statements per chunk, rows taken in one canonical order
 * (sorted by their lookup values) whatever the caller's order, so two calls over the same rows in
 * opposite orders queue instead of deadlocking. PostgreSQL, when a unique key is exactly the lookup:
 * one {@code INSERT ... ON CONFLICT (key) DO UPDATE ... RETURNING *, (xmax = 0)} per chunk, which
 * visits the rows in that order. Elsewhere: one read of the rows that exist, one {@code UPDATE ...
 * SET c = CASE WHEN key = ? THEN ? ... END} of them, one read back, one multi-row insert of the
 * missing ones (see {@link BulkInserts}). Whatever is left unsettled (a concurrent creator won, a
 * NULL or no key, a row deleted meanwhile) goes through the single-row algorithm in the same order.
 * Stateless and thread-safe.
 */
public final class BulkUpdateOrCreate {
  static final int CHUNK = 500;

  private BulkUpdateOrCreate() {}

  /** One row of the call: the checked single-row call, its updates and, once settled, its result. */
  static final class Pending {
    final UpsertCall call;
    final Map<String, Object> updates;
    final String identity;
    UpdateOrCreateResult result;

    Pending(UpsertCall call, Map<String, Object> updates) {
      this.call = call;
      this.updates = updates;
      this.identity = identity(call.lookup());
    }
  }

  public static List<UpdateOrCreateResult> run(JdbcTransaction tx, String table,
      List<? extends Map<String, ?>> rows, String[] lookupColumns, UpsertOptions options) {
    List<Pending> inOrder = prepare(tx, table, rows, lookupColumns, options);
    List<Pending> sorted = new ArrayList<>(inOrder);
    sorted.sort(Comparator.comparing(pending -> pending.identity));
    for (int start = 0; start < sorted.size(); start += CHUNK) {
      settle(sorted.subList(start, Math.min(sorted.size(), start + CHUNK)));
    }
    return inOrder.stream().map(pending -> pending.result).toList();
  }

  private static List<Pending> prepare(JdbcTransaction tx, String table, List<? extends Map<String, ?>> rows,
      String[] lookupColumns, UpsertOptions options) {
    String task = "updateOrCreateAll(" + table + ")";
    if (rows == null || lookupColumns == null || lookupColumns.length == 0) {
      throw UpsertCall.invalid(tx.dialect(), task, rows == null ? "the rows are null" : "no lookup columns were named",
          "pass the rows and the columns that identify a row");
    }
    List<Pending> pendings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, ?> row : rows) {
      if (row == null) {
        throw UpsertCall.invalid(tx.dialect(), task, "row " + pendings.size() + " is null", null);
      }
      Map<String, Object> lookup = new LinkedHashMap<>();
      for (String column : lookupColumns) {
        if (!row.containsKey(column)) {
          throw UpsertCall.invalid(tx.dialect(), task, "row " + pendings.size() + " has no value for the lookup"
              + " column '" + column + "'", "give every row a value for every lookup column");
        }
        lookup.put(column, row.get(column));
      }
      Map<String, Object> updates = new LinkedHashMap<>(row);
      lookup.keySet().forEach(updates::remove);
      UpsertCall call = UpsertCall.prepare(tx, "updateOrCreateAll", table, lookup, options);
      Map<String, Object> checked = call.checkedValues(updates, "updates");
      checked.replaceAll((column, value) -> value instanceof Supplier<?> s ? s.get() : value);
      Pending pending = new Pending(call, checked);
      Integer earlier = seen.put(pending.identity, pendings.size());
      if (earlier != null) {
        throw UpsertCall.invalid(tx.dialect(), task, "rows " + earlier + " and " + pendings.size()
            + " have the same lookup " + io.racefree.internal.JdbcHandle.describe(call.lookup()),
            "merge them into one row");
      }
      pendings.add(pending);
    }
    return pendings;
  }

  private static void settle(List<Pending> chunk) {
    List<Pending> together = chunk.stream().filter(BulkUpdateOrCreate::keyIsTheLookup).toList();
    if (!together.isEmpty()) {
      UpsertCall first = together.get(0).call;
      if (first.dialect().supports(Feature.UPSERT_REPORTS_INSERTED) && sameColumns(together)) {
        BulkStatements.matchUpserted(together, BulkStatements.upsert(together));
      } else {
        updateExisting(together);
        List<Pending> missing = unsettled(together);
        if (!missing.isEmpty() && sameColumns(missing)) {
          BulkStatements.matchInserted(missing, BulkStatements.insert(missing));
        }
      }
    }
    for (Pending pending : unsettled(chunk)) {
      pending.result = UpdateOrCreateRun.run(pending.call, pending.updates, pending.updates);
    }
  }

  /** Reads which rows exist, updates them in one statement and reads them back. */
  private static void updateExisting(List<Pending> pendings) {
    Map<String, Row> existing = BulkStatements.byIdentity(pendings, BulkStatements.read(pendings));
    List<Pending> toUpdate = new ArrayList<>();
    for (Pending pending : pendings) {
      Row row = existing.get(pending.identity);
      if (row != null && pending.updates.isEmpty()) {
        pending.result = new UpdateOrCreateResult(row, false, false);
      } else if (row != null) {
        toUpdate.add(pending);
      }
    }
    if (toUpdate.isEmpty() || BulkStatements.update(toUpdate) != toUpdate.size()) {
      return; // a row was deleted meanwhile: the single-row algorithm settles each (SET is idempotent)
    }
    Map<String, Row> after = BulkStatements.byIdentity(toUpdate, BulkStatements.read(toUpdate));
    toUpdate.forEach(pending -> {
      Row row = after.get(pending.identity);
      if (row != null) {
        pending.result = new UpdateOrCreateResult(row, false, true);
      }
    });
  }

  /** A unique key whose columns are exactly the lookup's, with no NULL: rows can go together. */
  private static boolean keyIsTheLookup(Pending pending) {
    return pending.call.key().isPresent()
        && pending.call.key().get().columns().size() == pending.call.lookup().size()
        && !pending.call.lookup().containsValue(null);
  }

  private static boolean sameColumns(List<Pending> pendings) {
    Pending first = pendings.get(0);
    return pendings.stream().allMatch(p -> p.updates.keySet().equals(first.updates.keySet())
        && p.call.lookup().keySet().equals(first.call.lookup().keySet()));
  }

  static List<Pending> unsettled(List<Pending> pendings) {
    return pendings.stream().filter(p -> p.result == null).toList();
  }

  static String identity(Map<String, Object> lookup) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(lookup).forEach((column, value) ->
        text.append(column).append('=').append(Values.canonical(value, false)).append('\u0001'));
    return text.toString();
  }
}
