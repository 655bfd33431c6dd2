package io.racefree.lock;

import io.racefree.Row;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The lock facet of {@link io.racefree.Transaction}: row, table and named locks, each held until
 * the transaction ends. An option the database cannot honour fails with {@link
 * io.racefree.error.UnsupportedFeatureException} before any SQL runs. Mapping per database: {@code
 * docs/locks.md}.
 *
 * <p>Applications may implement this interface (a decorator, say): racefree never casts it to its
 * own classes. Not thread-safe, like the transaction it belongs to.
 */
public interface Locks {
  /**
   * Reads the rows matching {@code lookup} (in primary-key order) and locks them as {@code lock}
   * says until this transaction ends. NOWAIT on a locked row fails with {@link
   * io.racefree.error.LockNotAvailableException}, a bounded wait with {@link
   * io.racefree.error.LockTimeoutException} (the session's lock timeout is left as it was). SQLite
   * has no row locks: only a read-write transaction, which holds the database write lock, may call
   * this.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param lock the lock mode: shared or exclusive, wait, NOWAIT or SKIP LOCKED
   * @return the locked rows, in primary-key order
   */
  List<Row> lockRows(String table, Map<String, ?> lookup, RowLock lock);

  /**
   * Locks the rows whose {@code keyColumn} (a single-column primary or unique key) is one of {@code
   * keys}, one key at a time in ascending key order, so two transactions locking overlapping sets
   * wait for each other instead of deadlocking. Missing keys are skipped. Returns the rows in key
   * order.
   *
   * @param table the table, checked against the catalog
   * @param keyColumn the single-column key that identifies each row
   * @param keys the key values, in any order
   * @param lock the lock mode: shared or exclusive, wait, NOWAIT or SKIP LOCKED
   * @return the locked rows, in key order
   */
  List<Row> lockRowsInOrder(String table, String keyColumn, Collection<?> keys, RowLock lock);

  /**
   * The job-queue read: at most {@code limit} rows matching {@code lookup}, lowest {@code
   * orderColumn} first (ties by primary key), locked until this transaction ends, leaving out rows
   * other transactions hold: {@code ORDER BY orderColumn LIMIT n FOR UPDATE SKIP LOCKED}. Concurrent
   * workers each get different rows. Mark the claimed rows (for example {@code state = 'taken'}) in
   * the same transaction. PostgreSQL, MariaDB 10.6+, MySQL 8.0+ and H2; older servers fail with
   * {@link io.racefree.error.UnsupportedFeatureException}. SQLite (one writer) reads the first rows
   * in a transaction that holds the write lock, so claimers run one after the other.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param orderColumn the column that orders the queue
   * @param limit how many rows at most
   * @return the job-queue read: at most {@code limit} rows matching {@code lookup}, lowest {@code orderColumn} first (ties by primary key), locked until this transaction ends, leaving out rows other transactions hold: {@code ORDER BY orderColumn LIMIT n FOR UPDATE SKIP LOCKED}
   */
  List<Row> claim(String table, Map<String, ?> lookup, String orderColumn, int limit);

  /**
   * Locks {@code table} until this transaction ends, so no other transaction writes it: PostgreSQL
   * {@code LOCK TABLE}, MariaDB/MySQL {@code LOCK TABLES} (must be the first statement of the
   * outermost transaction, which may then touch only the tables it locked; unlocked after commit or
   * rollback), SQLite the write lock a read-write transaction holds. H2 has none: {@link
   * io.racefree.error.UnsupportedFeatureException}.
   *
   * @param table the table, checked against the catalog
   * @param mode shared or exclusive
   */
  default void lockTable(String table, TableLockMode mode) {
    lockTables(List.of(new TableLock(table, mode)), false);
  }

  /**
   * Locks several tables at once (MariaDB/MySQL need them in one statement); with {@code noWait}
   * a table another transaction holds fails with {@link
   * io.racefree.error.LockNotAvailableException} instead of waiting.
   *
   * @param tables the tables and their modes
   * @param noWait fail at once instead of waiting
   */
  void lockTables(List<TableLock> tables, boolean noWait);

  /**
   * Takes the named lock {@code name}, waiting for it, and holds it until the outermost transaction
   * commits or rolls back (on every path, deadlock victims included). PostgreSQL advisory
   * transaction lock on a 64-bit hash of the name (a rollback to an earlier savepoint releases it);
   * MariaDB/MySQL GET_LOCK released by racefree; H2 a row of {@code racefree_locks}; SQLite the
   * write lock this transaction already holds.
   *
   * @param name the lock's name, any string
   */
  void lock(String name);

  /**
   * Like {@link #lock} but waits at most {@code timeout} (zero: not at all); false if the lock was
   * not granted, in which case the transaction is still usable.
   *
   * @param name the lock's name, any string
   * @param timeout how long to wait at most; zero: not at all
   * @return true if the lock is held, false if it was not granted in time
   */
  boolean tryLock(String name, Duration timeout);

  /**
   * Takes several named locks in one canonical (sorted) order, so lockers never deadlock.
   *
   * @param names the lock names, in any order
   */
  void lockAll(Collection<String> names);
}
