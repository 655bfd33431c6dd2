package io.racefree.lock.internal;

import io.racefree.Transaction;
import io.racefree.internal.JdbcTransaction;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Transaction-scoped named locks, released when the outermost transaction commits or rolls back:
 * PostgreSQL advisory transaction locks, MariaDB/MySQL GET_LOCK released by racefree, H2 a row of
 * a lock table, SQLite the database write lock. Stateless. Not API.
 */
public final class NamedLocks {
  private NamedLocks() {}

  /** One engine's way to take a named lock inside a transaction. */
  interface Strategy {
    void lock(JdbcTransaction tx, String name, String task);

    boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task);
  }

  /** See {@link Transaction#lock(String)}. */
  public static void lock(Transaction transaction, String name) {
    JdbcTransaction tx = LockSupport.transaction(transaction);
    String task = "lock(" + name + ")";
    strategy(tx, task).lock(tx, LockSupport.checkName(tx, task, name), task);
  }

  /** See {@link Transaction#tryLock}. */
  public static boolean tryLock(Transaction transaction, String name, Duration timeout) {
    JdbcTransaction tx = LockSupport.transaction(transaction);
    String task = "tryLock(" + name + ")";
    if (timeout == null || timeout.isNegative()) {
      throw LockSupport.invalid(tx, task, "the timeout must be zero or positive, got " + timeout);
    }
    return strategy(tx, task).tryLock(tx, LockSupport.checkName(tx, task, name), timeout, task);
  }

  /** See {@link Transaction#lockAll}: sorted, without duplicates, so lockers never deadlock. */
  public static void lockAll(Transaction transaction, Collection<String> names) {
    JdbcTransaction tx = LockSupport.transaction(transaction);
    if (names == null) {
      throw LockSupport.invalid(tx, "lockAll", "the names are null");
    }
    TreeSet<String> ordered = new TreeSet<>();
    for (String name : names) {
      ordered.add(LockSupport.checkName(tx, "lockAll", name));
    }
    ordered.forEach(name -> lock(transaction, name));
  }

  private static Strategy strategy(JdbcTransaction tx, String task) {
    return switch (tx.dialect().kind()) {
      case POSTGRESQL -> new PostgresNamedLocks();
      case MARIADB, MYSQL -> new MySqlNamedLocks();
      case H2 -> new H2NamedLocks();
      case SQLITE -> new SqliteNamedLocks();
    };
  }
}
