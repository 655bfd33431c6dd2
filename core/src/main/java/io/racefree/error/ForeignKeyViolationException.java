package io.racefree.error;

/**
 * A foreign key rejected a reference to a missing row, or a delete of a referenced row.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ForeignKeyViolationException extends ConstraintViolationException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public ForeignKeyViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.FOREIGN_KEY_VIOLATION, details, constraintName, problem, "create the referenced row first, or delete the referencing rows", cause);
  }
}
