package io.racefree.error;

/**
 * A NOWAIT lock request found the lock held by another transaction.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class LockNotAvailableException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public LockNotAvailableException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.LOCK_NOT_AVAILABLE, details, problem, "skip this work, retry later, or wait for the lock instead of NOWAIT", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public LockNotAvailableException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.LOCK_NOT_AVAILABLE, details, problem, advice, cause);
  }
}
