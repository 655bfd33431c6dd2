package io.racefree.error;

/**
 * The connection to the database broke. The outcome of an in-flight commit is unknown.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ConnectionLostException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public ConnectionLostException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, "check the server; do not assume the transaction committed or rolled back", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public ConnectionLostException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, advice, cause);
  }
}
