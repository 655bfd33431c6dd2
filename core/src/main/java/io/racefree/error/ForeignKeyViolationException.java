package io.racefree.error;

/**
 * A foreign key rejected a reference to a missing row, or a delete of a referenced row.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ForeignKeyViolationException extends ConstraintViolationException {
  /** An exception for {@code details}, with the standard advice. */
  public ForeignKeyViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.FOREIGN_KEY_VIOLATION, details, constraintName, problem, "create the referenced row first, or delete the referencing rows", cause);
  }
}
