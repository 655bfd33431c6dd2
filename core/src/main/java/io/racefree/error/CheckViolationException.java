package io.racefree.error;

/**
 * A CHECK constraint rejected the row.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class CheckViolationException extends ConstraintViolationException {
  /** An exception for {@code details}, with the standard advice. */
  public CheckViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.CHECK_VIOLATION, details, constraintName, problem, "fix the values so the check holds", cause);
  }
}
