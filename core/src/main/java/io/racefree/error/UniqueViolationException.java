package io.racefree.error;

/**
 * A unique key or primary key rejected a duplicate value.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UniqueViolationException extends ConstraintViolationException {
  /** An exception for {@code details}, with the standard advice. */
  public UniqueViolationException(ErrorDetails details, String constraintName, String problem, Throwable cause) {
    super(ErrorCategory.UNIQUE_VIOLATION, details, constraintName, problem, "use getOrCreate/updateOrCreate, or look the row up first; the constraint name says which key clashed", cause);
  }
}
