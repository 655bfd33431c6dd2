package io.racefree.lock.internal;

import io.racefree.internal.JdbcTransaction;
import java.time.Duration;

/**
 * SQLite has one lock, the database write lock. A transaction that holds it (BEGIN IMMEDIATE)
 * already excludes every other writer, so any named lock is granted at once; in any other
 * transaction a named lock would be a silent no-op, so it fails. Stateless. Not API.
 */
final class SqliteNamedLocks implements NamedLocks.Strategy {
  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    LockSupport.requireSqliteWriteLock(tx, task);
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    LockSupport.requireSqliteWriteLock(tx, task);
    return true;
  }
}
