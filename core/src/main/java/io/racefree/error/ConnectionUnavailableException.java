package io.racefree.error;

/**
 * No connection could be had: the pool timed out (every connection in use) or the server refused or
 * did not answer. Nothing started, so nothing needs to be undone and the work may be run again.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ConnectionUnavailableException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public ConnectionUnavailableException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.CONNECTION_UNAVAILABLE, details, problem,
        "nothing started; run the work again later. If the pool timed out, look for code holding"
            + " connections (a second connection taken inside a transaction holds two) or enlarge the pool",
        cause);
  }
}
