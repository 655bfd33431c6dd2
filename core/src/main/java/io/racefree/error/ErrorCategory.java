package io.racefree.error;

/**
 * What went wrong, named by what the caller does next. Every {@link RacefreeException} has exactly
 * one category; {@link #retryable()} says whether re-running the whole outermost transaction may
 * succeed.
 *
 * <p>Immutable and thread-safe.
 */
public enum ErrorCategory {
  /** A unique or primary key already holds the value. */
  UNIQUE_VIOLATION(false),
  /** A foreign key has no referenced row, or a referenced row is still in use. */
  FOREIGN_KEY_VIOLATION(false),
  /** A NOT NULL column got null. */
  NOT_NULL_VIOLATION(false),
  /** A CHECK constraint rejected the row. */
  CHECK_VIOLATION(false),
  /**
   * An integrity constraint the database did not name more precisely (an exclusion constraint, a
   * generic SQLState 23000, a trigger's RAISE(ABORT) on SQLite).
   */
  CONSTRAINT_VIOLATION(false),
  /** A snapshot could not be serialized with a concurrent transaction; retryable. */
  SERIALIZATION_FAILURE(true),
  /** The transaction was a deadlock victim; retryable. */
  DEADLOCK(true),
  /** A lock wait ran out of time; retryable. */
  LOCK_TIMEOUT(true),
  /** A NOWAIT lock request found the lock taken; retryable. */
  LOCK_NOT_AVAILABLE(true),
  /** An optimistic version did not match; retryable. */
  STALE_VERSION(true),
  /** The statement ran out of time. */
  QUERY_TIMEOUT(false),
  /** The connection broke during the work; the outcome is unknown. */
  CONNECTION_LOST(false),
  /** No connection could be had (a pool timeout, a refused connection): nothing started. */
  CONNECTION_UNAVAILABLE(false),
  /** The transaction was aborted by an earlier failure. */
  TRANSACTION_ABORTED(false),
  /** No row matched where one was required. */
  NOT_FOUND(false),
  /** Several rows matched where at most one was expected. */
  TOO_MANY_ROWS(false),
  /** The database cannot do what was asked. */
  UNSUPPORTED_FEATURE(false),
  /** The call was rejected before any SQL ran. */
  INVALID_REQUEST(false),
  /** The API was misused (a handle after its callback, options a nested call cannot have). */
  TRANSACTION_STATE(false),
  /**
   * The transaction ended, but releasing what it held (a MariaDB/MySQL named lock, say) failed; the
   * connection was closed if it could still hold locks.
   */
  RELEASE_FAILED(false),
  /** An error racefree does not recognise ({@link UnrecognizedDatabaseException}). */
  OTHER(false);

  private final boolean retryable;

  ErrorCategory(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Whether re-running the whole outermost transaction may succeed after an error of this category.
   *
   * @return true for the retryable categories
   */
  public boolean retryable() {
    return retryable;
  }
}
