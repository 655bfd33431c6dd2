package io.racefree.error;

/**
 * An error racefree does not recognise: no vendor code, SQLState or JDBC subclass in its tables
 * matched ({@link ErrorCategory#OTHER}). Not retryable; the cause is the driver's exception. Treat
 * the transaction as failed.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UnrecognizedDatabaseException extends RacefreeException {
  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public UnrecognizedDatabaseException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.OTHER, details, problem, advice, cause);
  }
}
