package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.LookupClause;
import io.racefree.internal.Statements;
import io.racefree.internal.Statements.ColumnValues;
import io.racefree.upsert.UpdateOrCreateResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * update-or-create with updates (plain values) on PostgreSQL in at most two statements: {@code UPDATE ... WHERE lookup
 * RETURNING *} (which locks the row and, at READ COMMITTED, re-checks it after waiting for a
 * concurrent writer), then {@code INSERT ... ON CONFLICT (key) DO UPDATE ... RETURNING *, (xmax =
 * 0)}, whose flag says whether the row was inserted. Without updates the general path runs
 * instead ({@code ON CONFLICT DO NOTHING}, then a locking read), so a conflict never rewrites the
 * stored row with the lookup's spelling of an equal value. Stateless and thread-safe.
 */
final class PostgresUpsert {
  private static final String INSERTED_FLAG = "racefree_inserted";

  private PostgresUpsert() {}

  static UpdateOrCreateResult run(UpsertCall call, KeyInfo key, Map<String, Object> updates,
      Map<String, Object> createDefaults) {
    Optional<Row> existing = Writes.outcomeUnknownIfLost(call, "the update of the row",
        () -> updateReturning(call, updates));
    if (existing.isPresent()) {
      return new UpdateOrCreateResult(existing.get(), false, !updates.isEmpty());
    }
    Map<String, Object> row = call.rowToCreate(createDefaults);
    Optional<Row> upserted = Writes.outcomeUnknownIfLost(call, "the insert or update of the row",
        () -> Writes.inSavepointOnPostgres(call, handle -> upsert(handle, call, key, row, updates)));
    if (upserted.isEmpty()) {
      Conflicts.failIfKeyRowDiffers(call, key, Reads.Mode.PLAIN, null);
      throw Conflicts.keyEqualityDiffers(call, key, null);
    }
    boolean inserted = Boolean.TRUE.equals(upserted.get().get(INSERTED_FLAG));
    Map<String, Object> columns = new LinkedHashMap<>(upserted.get());
    columns.remove(INSERTED_FLAG);
    return new UpdateOrCreateResult(new Row(columns), inserted, !inserted && !updates.isEmpty());
  }

  private static Optional<Row> updateReturning(UpsertCall call, Map<String, Object> updates) {
    LookupClause where = LookupClause.of(call.table(), call.lookup(), call.dialect(), call.task());
    ColumnValues set = ColumnValues.of(call.table(), updates, call.dialect(), call.task());
    String sql = "UPDATE " + call.table().sql() + " SET " + assignments(call, set.columns())
        + " WHERE " + where.sql() + " RETURNING *";
    List<Row> rows = Writes.inSavepointOnPostgres(call, handle ->
        handle.query(call.task(), sql, Writes.concat(set.parameters(), where.parameters())));
    return rows.stream().findFirst();
  }

  private static Optional<Row> upsert(JdbcHandle handle, UpsertCall call, KeyInfo key,
      Map<String, Object> row, Map<String, Object> updates) {
    ColumnValues values = ColumnValues.of(call.table(), row, call.dialect(), call.task());
    ColumnValues set = ColumnValues.of(call.table(), updates, call.dialect(), call.task());
    String assignments = assignments(call, set.columns());
    Map<String, Object> rest = new LinkedHashMap<>(call.lookup());
    key.columns().forEach(rest::remove);
    ColumnValues restValues = ColumnValues.of(call.table(), rest, call.dialect(), call.task());
    String sql = Statements.insertSql(call.table(), values, call.dialect())
        + " ON CONFLICT (" + Writes.quoted(call, key.columns()) + ") DO UPDATE SET " + assignments
        + (rest.isEmpty() ? "" : " WHERE " + sameAsExisting(call, restValues))
        + " RETURNING *, (xmax = 0) AS " + INSERTED_FLAG;
    List<Parameter> parameters = Writes.concat(Writes.concat(values.parameters(), set.parameters()),
        restValues.parameters());
    return handle.query(call.task(), sql, parameters).stream().findFirst();
  }

  /**
   * The existing row must also match the lookup's columns outside the key, or it is another row
   * that merely shares the key. Qualified, since EXCLUDED has the same column names.
   */
  private static String sameAsExisting(UpsertCall call, ColumnValues rest) {
    StringJoiner condition = new StringJoiner(" AND ");
    rest.columns().forEach(column -> condition.add(
        call.table().sql() + "." + call.dialect().quote(column) + " IS NOT DISTINCT FROM ?"));
    return condition.toString();
  }

  private static String assignments(UpsertCall call, List<String> columns) {
    StringJoiner list = new StringJoiner(", ");
    columns.forEach(column -> list.add(call.dialect().quote(column) + " = ?"));
    return list.toString();
  }
}
