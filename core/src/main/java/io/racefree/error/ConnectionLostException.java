package io.racefree.error;

/**
 * The connection to the database broke. The outcome of an in-flight commit is unknown.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ConnectionLostException extends RacefreeException {
  public ConnectionLostException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, "check the server; do not assume the transaction committed or rolled back", cause);
  }

  public ConnectionLostException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, advice, cause);
  }
}
