package io.racefree.error;

/**
 * What went wrong, named by what the caller does next. Every {@link RacefreeException} has exactly
 * one category; {@link #retryable()} says whether re-running the whole outermost transaction may
 * succeed.
 *
 * <p>Immutable and thread-safe.
 */
public enum ErrorCategory {
  UNIQUE_VIOLATION(false),
  FOREIGN_KEY_VIOLATION(false),
  NOT_NULL_VIOLATION(false),
  CHECK_VIOLATION(false),
  /**
   * An integrity constraint the database did not name more precisely (an exclusion constraint, a
   * generic SQLState 23000, a trigger's RAISE(ABORT) on SQLite).
   */
  CONSTRAINT_VIOLATION(false),
  SERIALIZATION_FAILURE(true),
  DEADLOCK(true),
  LOCK_TIMEOUT(true),
  LOCK_NOT_AVAILABLE(true),
  STALE_VERSION(true),
  QUERY_TIMEOUT(false),
  CONNECTION_LOST(false),
  /** No connection could be had (a pool timeout, a refused connection): nothing started. */
  CONNECTION_UNAVAILABLE(false),
  TRANSACTION_ABORTED(false),
  NOT_FOUND(false),
  TOO_MANY_ROWS(false),
  UNSUPPORTED_FEATURE(false),
  INVALID_REQUEST(false),
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

  public boolean retryable() {
    return retryable;
  }
}
