package io.racefree.error;

/**
 * A unique key or primary key rejected a duplicate value.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UniqueViolationException extends ConstraintViolationException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public UniqueViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.UNIQUE_VIOLATION, details, constraintName, problem, "use getOrCreate/updateOrCreate, or look the row up first; the constraint name says which key clashed", cause);
  }
}
