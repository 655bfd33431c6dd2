package io.racefree;

import io.racefree.error.RacefreeException;
import io.racefree.lock.LockWait;
import io.racefree.tx.RetryAttempt;

/**
 * Sees what happens under contention on one {@link Database}, so that an application can count it
 * in its metrics: failed transaction attempts (and whether they are retried), conflicts (deadlocks,
 * serialization failures, lock timeouts, NOWAIT refusals, stale versions) and lock waits. Set it
 * with {@link Database.Builder#listener}; every method has an empty default.
 *
 * <pre>{@code
 * Database db = Database.builder(dataSource)
 *     .listener(new DatabaseListener() {
 *       @Override public void attemptFailed(RetryAttempt attempt) {
 *         if (attempt.willRetry()) retries.increment();
 *       }
 *       @Override public void conflict(RacefreeException conflict) {
 *         conflicts.increment(conflict.category().name());
 *       }
 *       @Override public void lockWaited(LockWait wait) {
 *         lockWaits.record(wait.waited());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Called on the thread doing the work, by every thread using the database: implementations
 * must be thread-safe and quick. An exception a method throws is logged and otherwise ignored; it
 * never changes what racefree does. The events carry the task and codes, never bound values.
 */
public interface DatabaseListener {
  /** No-op listener. */
  DatabaseListener NONE = new DatabaseListener() {};

  /**
   * An attempt of an outermost transaction racefree began failed with a racefree exception; {@link
   * RetryAttempt#willRetry()} says whether another attempt follows (the transaction's own {@link
   * io.racefree.tx.RetryListener} sees the same attempt).
   *
   * @param attempt the failed attempt: its number, failure, and whether and when it is retried
   */
  default void attemptFailed(RetryAttempt attempt) {}

  /**
   * A statement failed because of another transaction: {@link
   * io.racefree.error.ErrorCategory#DEADLOCK}, {@code SERIALIZATION_FAILURE}, {@code LOCK_TIMEOUT},
   * {@code LOCK_NOT_AVAILABLE} or {@code STALE_VERSION}. Called before the exception is thrown.
   *
   * @param conflict the typed failure
   */
  default void conflict(RacefreeException conflict) {}

  /**
   * A lock racefree took for the application (row, table or named lock) was granted, or refused
   * (NOWAIT, a bounded wait that ran out, {@code tryLock} returning false, a deadlock while
   * waiting), after {@link LockWait#waited()}.
   *
   * @param wait the lock, how long it was waited for and whether it was granted
   */
  default void lockWaited(LockWait wait) {}
}
