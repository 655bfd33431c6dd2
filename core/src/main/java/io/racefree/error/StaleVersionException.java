package io.racefree.error;

/**
 * An optimistic version check failed: the row changed since it was read. Retryable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class StaleVersionException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public StaleVersionException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.STALE_VERSION, details, problem, "re-read the row and re-run the whole transaction", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public StaleVersionException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.STALE_VERSION, details, problem, advice, cause);
  }
}
