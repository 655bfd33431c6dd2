package io.racefree.lock.internal;

import io.racefree.Handle;
import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.StaleVersionException;
import io.racefree.error.TooManyRowsException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.LookupClause;
import io.racefree.internal.TableInfo;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Read-modify-write in one statement: {@code UPDATE t SET balance = balance - ? WHERE id = ? AND
 * balance >= ?}, and the optimistic form {@code ... SET ..., version = version + 1 WHERE ... AND
 * version = ?}. Identifiers come from the catalog, values are bound. Stateless. Not API.
 */
public final class AtomicUpdates {
  private AtomicUpdates() {}

  /** See {@link io.racefree.Transaction#update(String, Map, Assignments, Guard)}. */
  public static int update(JdbcHandle jdbc, String table, Map<String, ?> lookup, Assignments set, Guard guard) {
    Statement update = statement(jdbc, table, lookup, set, guard);
    return update.handle().update(update.task(), update.sql(), update.parameters());
  }

  /**
   * The same UPDATE with {@code RETURNING *}: the changed rows as they are afterwards, in one round
   * trip. Only where the engine has {@link Feature#UPDATE_RETURNING}.
   */
  public static List<Row> updateReturning(
      JdbcHandle jdbc, String table, Map<String, ?> lookup, Assignments set, Guard guard) {
    Statement update = statement(jdbc, table, lookup, set, guard);
    update.handle().dialect().require(Feature.UPDATE_RETURNING, update.task());
    return update.handle().query(update.task(), update.sql() + " RETURNING *", update.parameters());
  }

  /** The columns a guarded update names, so a column added since the catalog was read is found. */
  private static List<String> namedColumns(Map<String, ?> lookup, Assignments set, Guard guard) {
    List<String> named = new ArrayList<>(lookup == null ? Set.of() : lookup.keySet());
    set.assignments().forEach(assignment -> named.add(assignment.column()));
    if (guard != null) {
      guard.conditions().forEach(condition -> named.add(condition.column()));
    }
    return named;
  }

  private record Statement(JdbcHandle handle, String task, String sql, List<Parameter> parameters) {}

  private static Statement statement(JdbcHandle jdbc, String table, Map<String, ?> lookup, Assignments set, Guard guard) {
    String task = "update(" + table + ")";
    if (set == null || set.assignments().isEmpty()) {
      throw LockSupport.invalid(jdbc, task, "there is nothing to update");
    }
    TableInfo info = jdbc.table(table, task, namedColumns(lookup, set, guard));
    if (jdbc instanceof JdbcTransaction tx) {
      TableLocks.checkTouchable(tx, info, task);
    }
    LookupClause where = LookupClause.nonEmpty(info, lookup, jdbc.dialect(), task);
    List<Parameter> parameters = new ArrayList<>();
    StringJoiner assignments = new StringJoiner(", ");
    for (Assignments.Assignment assignment : set.assignments()) {
      ColumnInfo column = info.column(assignment.column(), task, jdbc.dialect());
      String quoted = jdbc.dialect().quote(column.name());
      assignments.add(quoted + " = " + newValue(quoted, assignment.operation()));
      parameters.add(new Parameter(assignment.value(), column.sqlType()));
    }
    parameters.addAll(where.parameters());
    String sql = "UPDATE " + info.sql() + " SET " + assignments + " WHERE " + where.sql()
        + guardSql(jdbc, info, guard == null ? Guard.none() : guard, parameters, task);
    return new Statement(jdbc, task, sql, parameters);
  }

  /** The new value of a quoted column: {@code ?}, {@code "c" + ?} or {@code "c" - ?}. */
  static String newValue(String quotedColumn, Assignments.Operation operation) {
    return switch (operation) {
      case SET -> "?";
      case ADD -> quotedColumn + " + ?";
      case SUBTRACT -> quotedColumn + " - ?";
    };
  }

  /** {@code " AND c1 >= ? AND ..."} for each condition of {@code guard}; its values go to {@code parameters}. */
  static String guardSql(JdbcHandle jdbc, TableInfo info, Guard guard, List<Parameter> parameters, String task) {
    StringBuilder sql = new StringBuilder();
    for (Guard.Condition condition : guard.conditions()) {
      ColumnInfo column = info.column(condition.column(), task, jdbc.dialect());
      sql.append(" AND ").append(jdbc.dialect().quote(column.name())).append(' ')
          .append(condition.comparison().sql()).append(" ?");
      parameters.add(new Parameter(condition.value(), column.sqlType()));
    }
    return sql.toString();
  }

  /**
   * See {@link io.racefree.Transaction#updateVersioned}: sets {@code values} and bumps the version
   * column if the row still has {@code expectedVersion}; returns the new version.
   */
  public static long updateVersioned(
      JdbcHandle jdbc, String table, Map<String, ?> lookup, String versionColumn, long expectedVersion,
      Map<String, ?> values) {
    String task = "updateVersioned(" + table + ")";
    List<String> named = new ArrayList<>(lookup == null ? Set.of() : lookup.keySet());
    named.add(versionColumn);
    if (values != null) {
      named.addAll(values.keySet());
    }
    TableInfo info = jdbc.table(table, task, named);
    String version = info.column(versionColumn, task, jdbc.dialect()).name();
    if (values == null) {
      throw LockSupport.invalid(jdbc, task, "the values are null");
    }
    Assignments set = Assignments.add(version, 1);
    for (Map.Entry<String, ?> value : values.entrySet()) {
      String column = info.column(value.getKey(), task, jdbc.dialect()).name();
      if (column.equals(version)) {
        throw LockSupport.invalid(jdbc, task, "the values set the version column '" + version
            + "' themselves; racefree bumps it");
      }
      set = set.andSet(column, value.getValue());
    }
    int updated = update(jdbc, table, lookup, set, Guard.equalTo(version, expectedVersion));
    if (updated == 0) {
      StaleVersionException stale = new StaleVersionException(ErrorDetails.of(task, jdbc.dialect().kind()),
          "no row matches " + JdbcHandle.describe(lookup) + " with " + version + " = " + expectedVersion
              + ": another transaction changed or deleted it", null);
      jdbc.context().events().failed(stale);
      throw stale;
    }
    if (updated > 1) {
      throw new TooManyRowsException(ErrorDetails.of(task, jdbc.dialect().kind()),
          updated + " rows match " + JdbcHandle.describe(lookup) + "; a versioned update changes one row", null);
    }
    return expectedVersion + 1;
  }
}
