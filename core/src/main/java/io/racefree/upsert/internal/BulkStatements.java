package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.UniqueViolationException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.Statements;
import io.racefree.internal.Statements.ColumnValues;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.internal.BulkUpdateOrCreate.Pending;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The statements of {@link BulkUpdateOrCreate}, each over a list of rows that share one key (the
 * whole lookup, no NULLs) and, for inserts, one column list. Stateless and thread-safe.
 */
final class BulkStatements {
  private static final String INSERTED_FLAG = "racefree_inserted";

  private BulkStatements() {}

  /** PostgreSQL: {@code INSERT ... VALUES ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c RETURNING *, (xmax = 0)}. */
  static List<Row> upsert(List<Pending> pendings) {
    UpsertCall first = pendings.get(0).call;
    List<String> updated = List.copyOf(pendings.get(0).updates.keySet());
    StringJoiner set = new StringJoiner(", ");
    List<String> assigned = updated.isEmpty() ? first.key().orElseThrow().columns().subList(0, 1) : updated;
    assigned.forEach(column -> set.add(first.dialect().quote(column) + " = EXCLUDED." + first.dialect().quote(column)));
    MultiRow values = multiRow(pendings);
    String sql = values.sql() + " ON CONFLICT (" + Writes.quoted(first, first.key().orElseThrow().columns())
        + ") DO UPDATE SET " + set + " RETURNING *, (xmax = 0) AS " + INSERTED_FLAG;
    return Writes.inSavepointOnPostgres(first, handle -> handle.query(first.task(), sql, values.parameters()));
  }

  static void matchUpserted(List<Pending> pendings, List<Row> rows) {
    List<Row> plain = new ArrayList<>();
    Map<Row, Boolean> inserted = new java.util.IdentityHashMap<>();
    for (Row row : rows) {
      Map<String, Object> columns = new LinkedHashMap<>(row);
      columns.remove(INSERTED_FLAG);
      Row stored = new Row(columns);
      inserted.put(stored, Boolean.TRUE.equals(row.get(INSERTED_FLAG)));
      plain.add(stored);
    }
    Map<String, Row> byIdentity = byIdentity(pendings, plain);
    for (Pending pending : pendings) {
      Row row = byIdentity.get(pending.identity);
      if (row != null) {
        boolean created = inserted.get(row);
        pending.result = new UpdateOrCreateResult(row, created, !created && !pending.updates.isEmpty());
      }
    }
  }

  /**
   * {@code SELECT * FROM t WHERE k IN (?, ...)}, or {@code (a, b) IN ((?, ?), ...)}. MariaDB/MySQL
   * at SERIALIZABLE turn a plain read into a shared-locking one, and two callers that share-lock
   * the same rows deadlock when both then update them; there it reads {@code FOR UPDATE}.
   */
  static List<Row> read(List<Pending> pendings) {
    UpsertCall first = pendings.get(0).call;
    List<Parameter> parameters = new ArrayList<>();
    String sql = "SELECT * FROM " + first.table().sql() + " WHERE " + keyIn(pendings, parameters)
        + (GetOrCreateRun.readsFirst(first) ? "" : " FOR UPDATE");
    return first.tx().query(first.task(), sql, parameters);
  }

  /** {@code UPDATE t SET c = CASE WHEN k = ? THEN ? ... ELSE c END WHERE k IN (...)}; rows matched. */
  static int update(List<Pending> pendings) {
    UpsertCall first = pendings.get(0).call;
    Map<String, StringBuilder> cases = new LinkedHashMap<>();
    Map<String, List<Parameter>> caseParameters = new LinkedHashMap<>();
    for (Pending pending : pendings) {
      pending.updates.forEach((column, value) -> {
        ColumnInfo info = first.table().column(column, first.task(), first.dialect());
        cases.computeIfAbsent(column, c -> new StringBuilder(first.dialect().quote(c) + " = CASE"))
            .append(" WHEN ").append(matches(pending, caseParameters.computeIfAbsent(column, c -> new ArrayList<>())))
            .append(" THEN ?");
        caseParameters.get(column).add(new Parameter(value, info.sqlType()));
      });
    }
    StringJoiner set = new StringJoiner(", ");
    List<Parameter> parameters = new ArrayList<>();
    cases.forEach((column, sql) -> {
      set.add(sql.append(" ELSE ").append(first.dialect().quote(column)).append(" END"));
      parameters.addAll(caseParameters.get(column));
    });
    String sql = "UPDATE " + first.table().sql() + " SET " + set + " WHERE " + keyIn(pendings, parameters);
    return first.tx().update(first.task(), sql, parameters);
  }

  /**
   * One multi-row insert: {@code ON CONFLICT (key) DO NOTHING RETURNING *} where the engine has it;
   * elsewhere all rows or, if a key was taken meanwhile, none (the engine rolls the statement back
   * and the transaction goes on), leaving them to the single-row algorithm.
   */
  static List<Row> insert(List<Pending> pendings) {
    UpsertCall first = pendings.get(0).call;
    MultiRow values = multiRow(pendings);
    if (first.dialect().supports(Feature.ON_CONFLICT)) {
      String sql = values.sql() + " ON CONFLICT (" + Writes.quoted(first, first.key().orElseThrow().columns())
          + ") DO NOTHING RETURNING *";
      return Writes.inSavepointOnPostgres(first, handle -> handle.query(first.task(), sql, values.parameters()));
    }
    try {
      if (first.dialect().supports(Feature.INSERT_RETURNING)) {
        return first.tx().query(first.task(), values.sql() + " RETURNING *", values.parameters());
      }
      first.tx().update(first.task(), values.sql(), values.parameters());
      return read(pendings);
    } catch (UniqueViolationException takenMeanwhile) {
      return List.of();
    }
  }

  static void matchInserted(List<Pending> pendings, List<Row> rows) {
    Map<String, Row> byIdentity = byIdentity(pendings, rows);
    for (Pending pending : pendings) {
      Row row = byIdentity.get(pending.identity);
      if (row != null) {
        pending.result = new UpdateOrCreateResult(row, true, false);
      }
    }
  }

  /** The rows by the identity of their lookup columns' values. */
  static Map<String, Row> byIdentity(List<Pending> pendings, List<Row> rows) {
    List<String> columns = List.copyOf(pendings.get(0).call.lookup().keySet());
    Map<String, Row> byIdentity = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> values = new LinkedHashMap<>();
      columns.forEach(column -> values.put(column, row.get(column)));
      byIdentity.put(BulkUpdateOrCreate.identity(values), row);
    }
    return byIdentity;
  }

  private record MultiRow(String sql, List<Parameter> parameters) {}

  /** {@code INSERT INTO t (cols) VALUES (...), (...)} in the first row's column order. */
  private static MultiRow multiRow(List<Pending> pendings) {
    UpsertCall first = pendings.get(0).call;
    ColumnValues columns = ColumnValues.of(first.table(), first.rowToCreate(pendings.get(0).updates),
        first.dialect(), first.task());
    List<Parameter> parameters = new ArrayList<>();
    for (Pending pending : pendings) {
      Map<String, Object> row = pending.call.rowToCreate(pending.updates);
      Map<String, Object> ordered = new LinkedHashMap<>();
      columns.columns().forEach(column -> ordered.put(column, row.get(column)));
      parameters.addAll(ColumnValues.of(first.table(), ordered, first.dialect(), first.task()).parameters());
    }
    String tuple = "(" + columns.placeholders() + ")";
    String sql = Statements.insertSql(first.table(), columns, first.dialect())
        + (", " + tuple).repeat(pendings.size() - 1);
    return new MultiRow(sql, parameters);
  }

  /** {@code k IN (?, ...)} or {@code (a, b) IN ((?, ?), ...)} over the pendings' lookups. */
  private static String keyIn(List<Pending> pendings, List<Parameter> parameters) {
    UpsertCall first = pendings.get(0).call;
    List<String> columns = List.copyOf(first.lookup().keySet());
    for (Pending pending : pendings) {
      columns.forEach(column -> parameters.add(parameter(first, column, pending.call.lookup().get(column))));
    }
    String tuple = columns.size() == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    String list = Writes.quoted(first, columns);
    return (columns.size() == 1 ? list : "(" + list + ")") + " IN ("
        + String.join(", ", Collections.nCopies(pendings.size(), tuple)) + ")";
  }

  /** {@code a = ? AND b = ?} for one pending's lookup. */
  private static String matches(Pending pending, List<Parameter> parameters) {
    StringJoiner condition = new StringJoiner(" AND ");
    pending.call.lookup().forEach((column, value) -> {
      condition.add(pending.call.dialect().quote(column) + " = ?");
      parameters.add(parameter(pending.call, column, value));
    });
    return condition.toString();
  }

  private static Parameter parameter(UpsertCall call, String column, Object value) {
    return new Parameter(value, call.table().column(column, call.task(), call.dialect()).sqlType());
  }
}
