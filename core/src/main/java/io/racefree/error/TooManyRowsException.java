package io.racefree.error;

/**
 * More than one row matched a lookup that must match at most one.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class TooManyRowsException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public TooManyRowsException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.TOO_MANY_ROWS, details, problem, "add the columns of a unique key to the lookup, or use list(...)", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public TooManyRowsException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.TOO_MANY_ROWS, details, problem, advice, cause);
  }
}
