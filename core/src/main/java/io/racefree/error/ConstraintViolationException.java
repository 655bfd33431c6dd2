package io.racefree.error;

/**
 * A constraint of the database rejected the change. Not retryable: the same data fails again.
 * {@link #constraintName()} is the constraint or index the database named, or null when it did not.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ConstraintViolationException extends RacefreeException {
  /** @serial the constraint or index name the database reported, or null */
  private final String constraintName;

  /**
   * A constraint the database did not name more precisely ({@link ErrorCategory#CONSTRAINT_VIOLATION}).
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public ConstraintViolationException(
      ErrorDetails details, String constraintName, String problem, String advice, Throwable cause) {
    this(ErrorCategory.CONSTRAINT_VIOLATION, details, constraintName, problem, advice, cause);
  }

  /**
   * For the subclasses, each of which passes its own category.
   *
   * @param category the category this exception belongs to
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param constraintName the violated constraint as the database names it, or null when it does not say
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   * @param problem what went wrong, in words
   */
  protected ConstraintViolationException(
      ErrorCategory category,
      ErrorDetails details,
      String constraintName,
      String problem,
      String advice,
      Throwable cause) {
    super(category, details, problem, advice, cause);
    this.constraintName = constraintName;
  }

  /**
   * The constraint or index name reported by the database, or null.
   *
   * @return the constraint or index name reported by the database, or null
   */
  public String constraintName() {
    return constraintName;
  }
}
