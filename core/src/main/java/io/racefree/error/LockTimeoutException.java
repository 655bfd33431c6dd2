package io.racefree.error;

/**
 * A lock wait ran out of time. On MariaDB only the statement was rolled back; racefree treats the transaction as failed.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class LockTimeoutException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public LockTimeoutException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.LOCK_TIMEOUT, details, problem, "retry later, shorten the competing transaction, or raise the lock timeout", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public LockTimeoutException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.LOCK_TIMEOUT, details, problem, advice, cause);
  }
}
