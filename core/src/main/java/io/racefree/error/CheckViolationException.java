package io.racefree.error;

/**
 * A CHECK constraint rejected the row.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class CheckViolationException extends ConstraintViolationException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public CheckViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.CHECK_VIOLATION, details, constraintName, problem, "fix the values so the check holds", cause);
  }
}
