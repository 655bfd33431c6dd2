package io.racefree.error;

/**
 * A statement was cancelled: it ran past a statement timeout or was cancelled by a client.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class QueryTimeoutException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public QueryTimeoutException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.QUERY_TIMEOUT, details, problem, "make the statement cheaper or raise the timeout", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public QueryTimeoutException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.QUERY_TIMEOUT, details, problem, advice, cause);
  }
}
