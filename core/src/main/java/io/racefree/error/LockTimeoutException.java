package io.racefree.error;

/**
 * A lock wait ran out of time. On MariaDB only the statement was rolled back; racefree treats the transaction as failed.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class LockTimeoutException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public LockTimeoutException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.LOCK_TIMEOUT, details, problem, "retry later, shorten the competing transaction, or raise the lock timeout", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public LockTimeoutException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.LOCK_TIMEOUT, details, problem, advice, cause);
  }
}
