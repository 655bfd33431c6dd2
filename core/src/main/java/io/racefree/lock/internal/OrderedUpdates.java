package io.racefree.lock.internal;

import io.racefree.Transaction;
import io.racefree.error.ErrorDetails;
import io.racefree.error.NotFoundException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Guarded updates of several rows that cannot deadlock with each other: every row lock is taken in
 * ascending key order, and no row is written before every guard has passed. With the rows sorted,
 * the last guarded row splits them: the rows before it are locked (and their guards checked) by
 * one {@code SELECT ... ORDER BY key FOR UPDATE}; the guarded row itself by its guarded {@code
 * UPDATE}; the rows after it by the write that follows. A transfer from a lower to a higher key is
 * the two UPDATEs a hand-written transfer runs; the other way round one locking read comes first.
 * Stateless. Not API.
 */
public final class OrderedUpdates {
  private static final String PASSES = "racefree_passes";

  private OrderedUpdates() {}

  /** One row of the call. */
  private record Keyed(Object key, RowUpdate update) {}

  /** The checked call. */
  private record Call(JdbcTransaction tx, TableInfo table, ColumnInfo key, String task) {}

  /** See {@link Transaction#updateAll}. */
  public static boolean updateAll(
      JdbcTransaction tx, String table, String keyColumn, Map<?, RowUpdate> updates) {
    String task = "updateAll(" + table + ")";
    TableInfo info = tx.table(table, task);
    TableLocks.checkTouchable(tx, info, task);
    Call call = new Call(tx, info, RowLocks.singleColumnKey(tx, info, keyColumn, task), task);
    List<Keyed> rows = sortedAndChecked(call, updates);
    int last = lastGuarded(rows);
    List<Keyed> before = rows.subList(0, Math.max(last, 0));
    List<Keyed> after = rows.subList(last + 1, rows.size());
    if (!before.isEmpty() && !lockedAndPassing(call, before, false)) {
      return false;
    }
    if (last >= 0 && !updateGuarded(call, rows.get(last))) {
      return false;
    }
    if (after.size() > 1) {
      lockedAndPassing(call, after, last >= 0);
    }
    List<Keyed> rest = new ArrayList<>(before);
    rest.addAll(after);
    if (!rest.isEmpty() && apply(call, rest) != rest.size()) {
      throw missing(call, last >= 0 || rest.size() > 1);
    }
    return true;
  }

  private static List<Keyed> sortedAndChecked(Call call, Map<?, RowUpdate> updates) {
    if (updates == null || updates.isEmpty()) {
      throw LockSupport.invalid(call.tx(), call.task(), "there are no rows to update");
    }
    List<Keyed> rows = new ArrayList<>();
    for (Object key : RowLocks.sorted(call.tx(), call.task(), updates.keySet())) {
      RowUpdate update = updates.get(key);
      if (update == null) {
        throw LockSupport.invalid(call.tx(), call.task(), "the update of a key is null");
      }
      List<String> assigned = new ArrayList<>();
      for (Assignments.Assignment assignment : update.assignments().assignments()) {
        String column = call.table().column(assignment.column(), call.task(), call.tx().dialect()).name();
        if (column.equals(call.key().name()) || assigned.contains(column)) {
          throw LockSupport.invalid(call.tx(), call.task(), "a row's update assigns " + (assigned.contains(column)
              ? "'" + column + "' twice" : "the key column '" + column + "' itself"));
        }
        assigned.add(column);
      }
      update.guard().conditions().forEach(c -> call.table().column(c.column(), call.task(), call.tx().dialect()));
      rows.add(new Keyed(key, update));
    }
    return rows;
  }

  private static int lastGuarded(List<Keyed> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (!rows.get(i).update().guard().conditions().isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code SELECT key, CASE WHEN key = ? AND <guard> THEN 1 ... ELSE 0 END FROM t WHERE key IN
   * (...) ORDER BY key FOR UPDATE}: locks the rows in key order (PostgreSQL locks after the sort;
   * InnoDB and H2 walk the key's index in order; SQLite holds the write lock) and says whether
   * each passes its guard. A missing row is a {@link NotFoundException}.
   */
  private static boolean lockedAndPassing(Call call, List<Keyed> rows, boolean wroteBefore) {
    String quotedKey = call.tx().dialect().quote(call.key().name());
    List<Parameter> parameters = new ArrayList<>();
    StringBuilder passes = new StringBuilder("CASE");
    for (Keyed row : rows) {
      passes.append(" WHEN ").append(quotedKey).append(" = ?");
      parameters.add(keyParameter(call, row.key()));
      passes.append(AtomicUpdates.guardSql(call.tx(), call.table(), row.update().guard(), parameters, call.task()))
          .append(" THEN 1");
    }
    passes.append(" ELSE 0 END");
    String sql = "SELECT " + quotedKey + ", " + passes + " AS " + PASSES + " FROM " + call.table().sql()
        + " WHERE " + quotedKey + " IN (" + placeholders(rows.size()) + ") ORDER BY " + quotedKey
        + RowLockClause.render(call.tx(), call.table(), RowLock.forUpdate(), call.task());
    rows.forEach(row -> parameters.add(keyParameter(call, row.key())));
    var found = call.tx().query(call.task(), sql, parameters);
    if (found.size() != rows.size()) {
      throw missing(call, wroteBefore);
    }
    return found.stream().allMatch(row -> ((Number) row.get(PASSES)).intValue() == 1);
  }

  /** The guarded UPDATE of one row: true if it passed; false if not; NotFound if there is no row. */
  private static boolean updateGuarded(Call call, Keyed row) {
    Map<String, Object> lookup = Map.of(call.key().name(), row.key());
    if (AtomicUpdates.update(call.tx(), call.table().reference(), lookup, row.update().assignments(),
        row.update().guard()) == 1) {
      return true;
    }
    if (call.tx().find(call.table().reference(), lookup).isEmpty()) {
      throw missing(call, false);
    }
    return false;
  }

  /** Applies rows already locked, or a single row: one UPDATE; returns how many rows it changed. */
  private static int apply(Call call, List<Keyed> rows) {
    if (rows.size() == 1) {
      return AtomicUpdates.update(call.tx(), call.table().reference(), Map.of(call.key().name(), rows.get(0).key()),
          rows.get(0).update().assignments(), Guard.none());
    }
    String quotedKey = call.tx().dialect().quote(call.key().name());
    Map<String, StringBuilder> cases = new LinkedHashMap<>();
    Map<String, List<Parameter>> caseParameters = new LinkedHashMap<>();
    for (Keyed row : rows) {
      for (Assignments.Assignment assignment : row.update().assignments().assignments()) {
        ColumnInfo column = call.table().column(assignment.column(), call.task(), call.tx().dialect());
        String quoted = call.tx().dialect().quote(column.name());
        cases.computeIfAbsent(column.name(), c -> new StringBuilder(quoted + " = CASE"))
            .append(" WHEN ").append(quotedKey).append(" = ? THEN ")
            .append(AtomicUpdates.newValue(quoted, assignment.operation()));
        List<Parameter> own = caseParameters.computeIfAbsent(column.name(), c -> new ArrayList<>());
        own.add(keyParameter(call, row.key()));
        own.add(new Parameter(assignment.value(), column.sqlType()));
      }
    }
    StringJoiner set = new StringJoiner(", ");
    List<Parameter> parameters = new ArrayList<>();
    cases.forEach((column, sql) -> {
      set.add(sql.append(" ELSE ").append(call.tx().dialect().quote(column)).append(" END"));
      parameters.addAll(caseParameters.get(column));
    });
    rows.forEach(row -> parameters.add(keyParameter(call, row.key())));
    String sql = "UPDATE " + call.table().sql() + " SET " + set + " WHERE " + quotedKey + " IN ("
        + placeholders(rows.size()) + ")";
    return call.tx().update(call.task(), sql, parameters);
  }

  /**
   * A key without a row. When rows were written already this transaction is marked rollback-only,
   * so the partial change can never commit.
   */
  private static NotFoundException missing(Call call, boolean wroteBefore) {
    if (wroteBefore) {
      call.tx().setRollbackOnly();
    }
    return new NotFoundException(ErrorDetails.of(call.task(), call.tx().dialect().kind()),
        "a key has no row in '" + call.table().name() + "'" + (wroteBefore
            ? "; rows before it were already updated, so the transaction is marked rollback-only" : ""),
        "pass only keys that exist", null);
  }

  private static Parameter keyParameter(Call call, Object key) {
    return new Parameter(key, call.key().sqlType());
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
