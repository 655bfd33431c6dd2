package io.racefree.error;

/**
 * The database could not serialize this transaction against a concurrent one. Retryable: re-run the whole transaction.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class SerializationFailureException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public SerializationFailureException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.SERIALIZATION_FAILURE, details, problem, "re-run the whole transaction (a RetryPolicy on the outermost transaction does this)", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public SerializationFailureException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.SERIALIZATION_FAILURE, details, problem, advice, cause);
  }
}
