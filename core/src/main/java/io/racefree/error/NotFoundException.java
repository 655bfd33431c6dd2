package io.racefree.error;

/**
 * No row matched the lookup.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NotFoundException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public NotFoundException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, "use find(...) when a missing row is expected", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public NotFoundException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, advice, cause);
  }
}
