package io.racefree.error;

/**
 * A statement was cancelled: it ran past a statement timeout or was cancelled by a client.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class QueryTimeoutException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public QueryTimeoutException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.QUERY_TIMEOUT, details, problem, "make the statement cheaper or raise the timeout", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public QueryTimeoutException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.QUERY_TIMEOUT, details, problem, advice, cause);
  }
}
