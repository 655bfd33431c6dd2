package io.racefree.lock.internal;

import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.LookupClause;
import io.racefree.internal.Statements;
import io.racefree.internal.TableInfo;
import io.racefree.internal.UniqueKey;
import io.racefree.lock.RowLock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Locking reads: by lookup, and by a set of keys in one canonical order. Stateless. Not API. */
public final class RowLocks {
  private RowLocks() {}

  /** See {@link Transaction#lockRows}. */
  public static List<Row> lockRows(JdbcTransaction tx, String table, Map<String, ?> lookup, RowLock lock) {
    String task = "lockRows(" + table + ")";
    if (lock == null) {
      throw LockSupport.invalid(tx, task, "the row lock is null");
    }
    if (LockSupport.isSqlite(tx)) {
      LockSupport.requireSqliteWriteLock(tx, task);
    }
    TableInfo info = tx.table(table, task, lookup == null ? null : lookup.keySet());
    TableLocks.checkTouchable(tx, info, task);
    LookupClause where = LookupClause.of(info, lookup, tx.dialect(), task);
    String sql = "SELECT * FROM " + info.sql() + " WHERE " + where.sql()
        + Statements.orderByKey(info, tx.dialect()) + RowLockClause.render(tx, info, lock, task);
    if (lock.waitPolicy() == RowLock.WaitPolicy.BOUNDED && !RowLockClause.usesWaitClause(tx.dialect())) {
      return LockWaits.bounded(tx, lock.maxWait(), task, () -> tx.query(task, sql, where.parameters()));
    }
    return tx.query(task, sql, where.parameters());
  }

  /**
   * See {@link Transaction#lockRowsInOrder}: one locking read per key, keys sorted and without
   * duplicates, so every transaction that uses it takes overlapping locks in the same order.
   */
  public static List<Row> lockRowsInOrder(
      JdbcTransaction tx, String table, String keyColumn, Collection<?> keys, RowLock lock) {
    String task = "lockRowsInOrder(" + table + ")";
    TableInfo info = tx.table(table, task);
    ColumnInfo column = singleColumnKey(tx, info, keyColumn, task);
    List<Row> locked = new ArrayList<>();
    for (Object key : sorted(tx, task, keys)) {
      locked.addAll(lockRows(tx, table, Map.of(column.name(), key), lock));
    }
    return locked;
  }

  /** {@code keyColumn} resolved, if it is a single-column primary or unique key of {@code info}. */
  static ColumnInfo singleColumnKey(JdbcTransaction tx, TableInfo info, String keyColumn, String task) {
    ColumnInfo column = info.column(keyColumn, task, tx.dialect());
    if (!isSingleColumnKey(info, column.name())) {
      throw LockSupport.invalid(tx, task, "column '" + column.name() + "' of '" + info.name()
          + "' is not a single-column primary or unique key, so a key may match several rows");
    }
    return column;
  }

  private static boolean isSingleColumnKey(TableInfo info, String column) {
    if (info.primaryKey().equals(List.of(column))) {
      return true;
    }
    for (UniqueKey key : info.uniqueKeys()) {
      if (!key.partial() && key.columns().equals(List.of(column))) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  /** The keys in ascending natural order, each once; non-null, Comparable and of one type. */
  static Collection<Object> sorted(JdbcTransaction tx, String task, Collection<?> keys) {
    if (keys == null) {
      throw LockSupport.invalid(tx, task, "the keys are null");
    }
    TreeSet<Object> ordered = new TreeSet<>();
    for (Object key : keys) {
      if (!(key instanceof Comparable)) {
        throw LockSupport.invalid(tx, task, "key " + (key == null ? "null" : "of type "
            + key.getClass().getName()) + " cannot be ordered; keys must be non-null and Comparable");
      }
      try {
        ((TreeSet) ordered).add(key);
      } catch (ClassCastException e) {
        throw LockSupport.invalid(tx, task, "the keys are of mixed types and cannot be ordered");
      }
    }
    return ordered;
  }
}
