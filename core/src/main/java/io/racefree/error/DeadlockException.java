package io.racefree.error;

/**
 * The database chose this transaction as a deadlock victim and rolled it back. Retryable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class DeadlockException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public DeadlockException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.DEADLOCK, details, problem, "re-run the whole transaction; take locks in one canonical order to make this rarer", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public DeadlockException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.DEADLOCK, details, problem, advice, cause);
  }
}
