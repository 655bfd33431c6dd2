package io.racefree.error;

/**
 * The database cannot do what was asked; racefree refuses instead of doing something else.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UnsupportedFeatureException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public UnsupportedFeatureException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.UNSUPPORTED_FEATURE, details, problem, "see the dialect capability table in the README", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public UnsupportedFeatureException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.UNSUPPORTED_FEATURE, details, problem, advice, cause);
  }
}
