package io.racefree.lock;

import java.util.Map;

/**
 * Safe read-modify-write without a read: the facet of {@link io.racefree.Transaction} (in the
 * caller's transaction) and of {@link io.racefree.Database} (each call on its own). The check and
 * the write happen in one statement, or, for several rows, with the rows locked in one canonical
 * order.
 *
 * <p>Applications may implement this interface (a decorator, say): racefree never casts it to its
 * own classes. Thread-safety is the implementation's: on a {@code Transaction} not thread-safe, on
 * a {@code Database} thread-safe.
 */
public interface GuardedUpdates {
  /**
   * Atomic read-modify-write: {@code UPDATE table SET <assignments> WHERE <lookup> AND <guard>}, for
   * example {@code balance = balance - ?} guarded by {@code balance >= ?}. Returns how many rows
   * changed (0 when the guard failed).
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param assignments what to write
   * @param guard the condition the row must meet to be written
   * @return how many rows matched the lookup and passed the guard (0 when the guard failed)
   */
  int update(String table, Map<String, ?> lookup, Assignments assignments, Guard guard);

  /**
   * Guarded atomic updates of several rows, deadlock-free by construction: the rows of {@code
   * updates} (keyed by {@code keyColumn}, a single-column primary or unique key) are locked in
   * ascending key order and nothing is written before every guard has passed. Returns true when
   * every row was updated; false when a guard failed, in which case nothing was written (rows read
   * so far stay locked until the transaction ends). A key without a row is a {@link
   * io.racefree.error.NotFoundException}; if a row before it was already written, the transaction
   * is marked rollback-only. Two transactions with overlapping keys, in any order, queue instead of
   * deadlocking: this is the transfer form. See {@code docs/locks.md}.
   *
   * @param table the table, checked against the catalog
   * @param keyColumn the single-column key that identifies each row
   * @param updates key to the row update (assignments and guard) of that row
   * @return true when every row was updated, false when a guard failed and nothing was written
   */
  boolean updateAll(String table, String keyColumn, Map<?, RowUpdate> updates);

  /**
   * Optimistic update: sets {@code values} and bumps {@code versionColumn} by one if the row matching
   * {@code lookup} still has {@code expectedVersion}; returns the new version. Otherwise throws the
   * retryable {@link io.racefree.error.StaleVersionException}, which {@link
   * io.racefree.tx.RetryPolicy#standard()} retries at the outermost transaction.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param versionColumn the version column, bumped by one
   * @param expectedVersion the version the caller read
   * @param values column to value to write
   * @return the new version
   */
  long updateVersioned(String table, Map<String, ?> lookup, String versionColumn, long expectedVersion,
      Map<String, ?> values);
}
