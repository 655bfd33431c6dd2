package io.racefree.error;

/**
 * A NOT NULL column was given no value.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NotNullViolationException extends ConstraintViolationException {
  /** An exception for {@code details}, with the standard advice. */
  public NotNullViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.NOT_NULL_VIOLATION, details, constraintName, problem, "supply a value for the column (in the lookup or the defaults)", cause);
  }
}
