package io.racefree.error;

/**
 * The connection to the database broke. The outcome of an in-flight commit is unknown.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ConnectionLostException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public ConnectionLostException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, "check the server; do not assume the transaction committed or rolled back", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public ConnectionLostException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.CONNECTION_LOST, details, problem, advice, cause);
  }
}
