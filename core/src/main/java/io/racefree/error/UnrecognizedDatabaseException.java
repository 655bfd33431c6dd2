package io.racefree.error;

/**
 * An error racefree does not recognise: no vendor code, SQLState or JDBC subclass in its tables
 * matched ({@link ErrorCategory#OTHER}). Not retryable; the cause is the driver's exception. Treat
 * the transaction as failed.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UnrecognizedDatabaseException extends RacefreeException {
  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public UnrecognizedDatabaseException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.OTHER, details, problem, advice, cause);
  }
}
