package io.racefree.lock.internal;

import io.racefree.Transaction;
import io.racefree.error.ErrorDetails;
import io.racefree.error.SerializationFailureException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import io.racefree.lock.Assignments;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Guarded updates of several rows that cannot deadlock with each other: one locking read takes
 * every row in ascending key order and asks the database whether each passes its guard; only if
 * all exist and pass, one UPDATE applies every row's assignments. Two transactions touching
 * overlapping rows in any order queue on the lowest shared key instead of deadlocking, and a
 * failed guard leaves nothing written. Stateless. Not API.
 */
public final class OrderedUpdates {
  private static final String PASSES = "racefree_passes";

  private OrderedUpdates() {}

  /** See {@link Transaction#updateAll}. */
  public static boolean updateAll(
      Transaction transaction, String table, String keyColumn, Map<?, RowUpdate> updates) {
    JdbcTransaction tx = LockSupport.transaction(transaction);
    String task = "updateAll(" + table + ")";
    TableInfo info = tx.table(table, task);
    TableLocks.checkTouchable(tx, info, task);
    ColumnInfo key = RowLocks.singleColumnKey(tx, info, keyColumn, task);
    if (updates == null || updates.isEmpty()) {
      throw LockSupport.invalid(tx, task, "there are no rows to update");
    }
    Map<Object, RowUpdate> ordered = new LinkedHashMap<>();
    for (Object k : RowLocks.sorted(tx, task, updates.keySet())) {
      RowUpdate update = updates.get(k);
      if (update == null) {
        throw LockSupport.invalid(tx, task, "the update of key " + k + " is null");
      }
      ordered.put(k, update);
    }
    if (!allExistAndPass(tx, info, key, ordered, task)) {
      return false;
    }
    apply(tx, info, key, ordered, task);
    return true;
  }

  /**
   * {@code SELECT key, CASE WHEN key = ? AND <guard> THEN 1 ... ELSE 0 END FROM t WHERE key IN
   * (...) ORDER BY key FOR UPDATE}: the rows are locked in key order (PostgreSQL locks after the
   * sort; InnoDB and H2 scan the key's index in order; SQLite holds the write lock).
   */
  private static boolean allExistAndPass(JdbcTransaction tx, TableInfo info, ColumnInfo key,
      Map<Object, RowUpdate> ordered, String task) {
    String quotedKey = tx.dialect().quote(key.name());
    List<Parameter> parameters = new ArrayList<>();
    StringBuilder passes = new StringBuilder("CASE");
    ordered.forEach((k, update) -> {
      passes.append(" WHEN ").append(quotedKey).append(" = ?");
      parameters.add(new Parameter(k, key.sqlType()));
      passes.append(AtomicUpdates.guardSql(tx, info, update.guard(), parameters, task)).append(" THEN 1");
    });
    passes.append(" ELSE 0 END");
    String sql = "SELECT " + quotedKey + ", " + passes + " AS " + PASSES + " FROM " + info.sql()
        + " WHERE " + quotedKey + " IN (" + placeholders(ordered.size()) + ") ORDER BY " + quotedKey
        + RowLockClause.render(tx, info, RowLock.forUpdate(), task);
    ordered.keySet().forEach(k -> parameters.add(new Parameter(k, key.sqlType())));
    var rows = tx.query(task, sql, parameters);
    return rows.size() == ordered.size()
        && rows.stream().allMatch(row -> ((Number) row.get(PASSES)).intValue() == 1);
  }

  /** One UPDATE: {@code SET c = CASE WHEN key = ? THEN c - ? ... ELSE c END WHERE key IN (...)}. */
  private static void apply(JdbcTransaction tx, TableInfo info, ColumnInfo key,
      Map<Object, RowUpdate> ordered, String task) {
    String quotedKey = tx.dialect().quote(key.name());
    Map<String, List<Object>> keysByColumn = new LinkedHashMap<>();
    Map<String, StringBuilder> cases = new LinkedHashMap<>();
    List<Parameter> parameters = new ArrayList<>();
    Map<String, List<Parameter>> caseParameters = new LinkedHashMap<>();
    ordered.forEach((k, update) -> {
      for (Assignments.Assignment assignment : update.assignments().assignments()) {
        ColumnInfo column = info.column(assignment.column(), task, tx.dialect());
        if (column.name().equals(key.name())) {
          throw LockSupport.invalid(tx, task, "the update of key " + k + " assigns the key column '"
              + key.name() + "' itself");
        }
        if (keysByColumn.computeIfAbsent(column.name(), c -> new ArrayList<>()).contains(k)) {
          throw LockSupport.invalid(tx, task, "the update of key " + k + " assigns '" + column.name() + "' twice");
        }
        keysByColumn.get(column.name()).add(k);
        String quoted = tx.dialect().quote(column.name());
        cases.computeIfAbsent(column.name(), c -> new StringBuilder(quoted + " = CASE"))
            .append(" WHEN ").append(quotedKey).append(" = ? THEN ")
            .append(AtomicUpdates.newValue(quoted, assignment.operation()));
        List<Parameter> own = caseParameters.computeIfAbsent(column.name(), c -> new ArrayList<>());
        own.add(new Parameter(k, key.sqlType()));
        own.add(new Parameter(assignment.value(), column.sqlType()));
      }
    });
    StringJoiner set = new StringJoiner(", ");
    cases.forEach((column, sql) -> {
      set.add(sql.append(" ELSE ").append(tx.dialect().quote(column)).append(" END"));
      parameters.addAll(caseParameters.get(column));
    });
    ordered.keySet().forEach(k -> parameters.add(new Parameter(k, key.sqlType())));
    String sql = "UPDATE " + info.sql() + " SET " + set + " WHERE " + quotedKey + " IN ("
        + placeholders(ordered.size()) + ")";
    int changed = tx.update(task, sql, parameters);
    if (changed != ordered.size()) {
      throw new SerializationFailureException(ErrorDetails.of(task, tx.dialect().kind()).withSql(sql),
          "updated " + changed + " of " + ordered.size() + " rows that were locked a moment earlier",
          "re-run the transaction", null);
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
