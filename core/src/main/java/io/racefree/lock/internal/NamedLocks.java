package io.racefree.lock.internal;

import io.racefree.Transaction;
import io.racefree.internal.JdbcTransaction;
import io.racefree.error.LockTimeoutException;
import io.racefree.internal.Binder.Parameter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
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
  public static void lock(JdbcTransaction tx, String name) {
    String task = "lock(" + name + ")";
    tx.requireUsable(task);
    strategy(tx, task).lock(tx, LockSupport.checkName(tx, task, name), task);
  }

  /** See {@link Transaction#tryLock}. */
  public static boolean tryLock(JdbcTransaction tx, String name, Duration timeout) {
    String task = "tryLock(" + name + ")";
    tx.requireUsable(task);
    if (timeout == null || timeout.isNegative()) {
      throw LockSupport.invalid(tx, task, "the timeout must be zero or positive, got " + timeout);
    }
    return strategy(tx, task).tryLock(tx, LockSupport.checkName(tx, task, name), timeout, task);
  }

  /** See {@link Transaction#lockAll}: sorted, without duplicates, so lockers never deadlock. */
  public static void lockAll(JdbcTransaction tx, Collection<String> names) {
    tx.requireUsable("lockAll");
    if (names == null) {
      throw LockSupport.invalid(tx, "lockAll", "the names are null");
    }
    TreeSet<String> ordered = new TreeSet<>();
    for (String name : names) {
      ordered.add(LockSupport.checkName(tx, "lockAll", name));
    }
    ordered.forEach(name -> lock(tx, name));
  }

  /**
   * Takes, until the outermost transaction ends, the lock whose key {@code keySql} computes on the
   * server: a bigint for PostgreSQL advisory locks, a GET_LOCK name for the MySQL family (waiting at
   * most {@code innodb_lock_wait_timeout}). Both are re-entrant. Used by get-or-create's creator
   * lock, whose key follows the columns' own comparison.
   */
  public static void lockComputedKey(JdbcTransaction tx, String keySql, List<Parameter> parameters,
      String task) {
    switch (tx.dialect().namedLocks()) {
      case ADVISORY -> PostgresNamedLocks.lockUntilEnd(tx, keySql, parameters, task);
      case GET_LOCK -> {
        if (!MySqlNamedLocks.acquireUntilEnd(tx, keySql, parameters, "@@innodb_lock_wait_timeout",
            List.of(), task)) {
          throw new LockTimeoutException(GetLock.details(tx, task), "another transaction held the"
              + " lock on the same lookup longer than innodb_lock_wait_timeout", null);
        }
      }
      case NONE -> throw noClusterWideLock(tx, task);
      default -> throw LockSupport.unsupported(tx, task, "has no lock on a computed key", null);
    }
  }

  /** Galera: GET_LOCK would be held on one node only, while another node grants the same name. */
  static io.racefree.error.UnsupportedFeatureException noClusterWideLock(JdbcTransaction tx, String task) {
    return LockSupport.unsupported(tx, task, "has no named lock that holds across the cluster: GET_LOCK"
        + " is local to one node, so a lock on another node would be granted at the same time",
        "protect the data with a unique key, a version column or a write that conflicts (certification"
            + " then lets one transaction commit), or send all lockers to one node; docs/galera.md");
  }

  private static Strategy strategy(JdbcTransaction tx, String task) {
    return switch (tx.dialect().namedLocks()) {
      case ADVISORY -> new PostgresNamedLocks();
      case GET_LOCK -> new MySqlNamedLocks();
      case LOCK_TABLE_ROW -> new H2NamedLocks();
      case DATABASE_WRITE_LOCK -> new SqliteNamedLocks();
      case NONE -> throw noClusterWideLock(tx, task);
    };
  }
}
