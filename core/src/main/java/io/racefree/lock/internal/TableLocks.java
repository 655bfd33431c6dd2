package io.racefree.lock.internal;

import io.racefree.Transaction;
import io.racefree.dialect.Feature;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import io.racefree.lock.TableLock;
import io.racefree.lock.TableLockMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Table locks that exclude other writers until the transaction ends. PostgreSQL {@code LOCK TABLE
 * ... IN SHARE | EXCLUSIVE MODE [NOWAIT]}, one table at a time in name order; MariaDB/MySQL {@code
 * LOCK TABLES} as the manual prescribes for InnoDB (autocommit off, first statement of the
 * transaction, {@code UNLOCK TABLES} only after commit or rollback); SQLite the database write lock
 * the transaction already holds; H2 has no table lock. Stateless. Not API.
 */
public final class TableLocks {
  private TableLocks() {}

  /** See {@link Transaction#lockTables}. */
  public static void lock(JdbcTransaction tx, List<TableLock> locks, boolean noWait) {
    String task = "lockTables";
    if (locks == null || locks.isEmpty()) {
      throw LockSupport.invalid(tx, task, "no table to lock");
    }
    if (LockSupport.isSqlite(tx)) {
      LockSupport.requireSqliteWriteLock(tx, task);
      locks.forEach(lock -> tx.table(lock.table(), task));
      return;
    }
    if (!tx.dialect().supports(Feature.TABLE_LOCK)) {
      throw LockSupport.unsupported(tx, task, "has no table lock that excludes other writers until the"
          + " transaction ends", "lock the rows you need with lockRows, or use a named lock");
    }
    LockedTables already = tx.existingParticipant(LockedTables.class);
    if (already != null && !already.isEmpty()) { // before resolving: the new tables are not locked
      throw LockSupport.misuse(tx, task, "this transaction already ran LOCK TABLES on " + already.tables()
          + "; a second LOCK TABLES would release those locks and commit",
          "lock every table the transaction needs in one lockTables call");
    }
    List<Resolved> resolved = resolve(tx, locks, task);
    if (tx.dialect().tableLocksAreLockTablesStatements()) {
      lockMySql(tx, resolved, noWait, task);
    } else {
      lockPostgres(tx, resolved, noWait, task);
    }
  }

  private record Resolved(TableInfo table, TableLockMode mode) {}

  private static List<Resolved> resolve(JdbcTransaction tx, List<TableLock> locks, String task) {
    List<Resolved> resolved = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (TableLock lock : locks) {
      TableInfo info = tx.table(lock.table(), task);
      if (!seen.add(info.name())) {
        throw LockSupport.invalid(tx, task, "table '" + info.name() + "' is listed twice");
      }
      resolved.add(new Resolved(info, lock.mode()));
    }
    resolved.sort(Comparator.comparing(r -> r.table().name()));
    return resolved;
  }

  private static void lockPostgres(JdbcTransaction tx, List<Resolved> locks, boolean noWait, String task) {
    for (Resolved lock : locks) {
      String mode = lock.mode() == TableLockMode.SHARE ? "SHARE" : "EXCLUSIVE";
      tx.update(task, "LOCK TABLE " + lock.table().sql() + " IN " + mode + " MODE" + (noWait ? " NOWAIT" : ""),
          List.of());
    }
  }

  private static void lockMySql(JdbcTransaction tx, List<Resolved> locks, boolean noWait, String task) {
    if (tx.joinsOwnersTransaction()) {
      throw LockSupport.misuse(tx, task, "LOCK TABLES would commit the transaction racefree takes part in"
          + " but does not own", "lock the rows you need with lockRows, or use a named lock");
    }
    LockedTables locked = tx.participant(LockedTables.class, LockedTables::new);
    if (tx.depth() > 0 || inTransaction(tx, task)) {
      throw LockSupport.misuse(tx, task, "LOCK TABLES commits the open transaction on "
          + tx.dialect().kind().displayName() + ", so it must be the first statement of the outermost"
          + " transaction, and this transaction has already " + (tx.depth() > 0 ? "opened a savepoint"
              : "run statements"), "call lockTables first in the outermost transaction");
    }
    if (noWait && !tx.dialect().supports(Feature.LOCK_TABLES_NOWAIT)) {
      throw LockSupport.unsupported(tx, task, "has no LOCK TABLES ... NOWAIT", "lock without noWait");
    }
    StringJoiner list = new StringJoiner(", ", "LOCK TABLES ", noWait ? " NOWAIT" : "");
    Set<String> names = new LinkedHashSet<>();
    for (Resolved lock : locks) {
      list.add(lock.table().sql() + (lock.mode() == TableLockMode.SHARE ? " READ" : " WRITE"));
      names.add(lock.table().name());
    }
    tx.update(task, list.toString(), List.of());
    locked.markIssued(names);
  }

  private static boolean inTransaction(JdbcTransaction tx, String task) {
    Object value = tx.query(task, "SELECT @@in_transaction", List.of()).get(0).values().iterator().next();
    return value != null && ((Number) value).intValue() != 0;
  }

  /**
   * On MySQL-family databases, fails clearly when a transaction that ran LOCK TABLES reaches for a
   * table it did not lock (the server would answer error 1100).
   */
  static void checkTouchable(JdbcTransaction tx, TableInfo table, String task) {
    if (!tx.dialect().tableLocksAreLockTablesStatements()) {
      return;
    }
    LockedTables locked = tx.existingParticipant(LockedTables.class);
    if (locked != null && !locked.isEmpty() && !locked.contains(table.name())) {
      throw LockSupport.misuse(tx, task, "this transaction locked only " + locked.tables()
          + " with LOCK TABLES, so it may not touch '" + table.name() + "'",
          "list '" + table.name() + "' in the lockTables call too");
    }
  }
}
