package io.racefree.error;

/**
 * The request was rejected before any SQL ran: bad table, column, identifier or lookup.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class InvalidRequestException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public InvalidRequestException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.INVALID_REQUEST, details, problem, "fix the call; nothing was written", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public InvalidRequestException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.INVALID_REQUEST, details, problem, advice, cause);
  }
}
