package io.racefree.error;

/**
 * The database could not serialize this transaction against a concurrent one. Retryable: re-run the whole transaction.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class SerializationFailureException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public SerializationFailureException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.SERIALIZATION_FAILURE, details, problem, "re-run the whole transaction (a RetryPolicy on the outermost transaction does this)", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public SerializationFailureException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.SERIALIZATION_FAILURE, details, problem, advice, cause);
  }
}
