package io.racefree.error;

/**
 * A NOT NULL column was given no value.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NotNullViolationException extends ConstraintViolationException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public NotNullViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.NOT_NULL_VIOLATION, details, constraintName, problem, "supply a value for the column (in the lookup or the defaults)", cause);
  }
}
