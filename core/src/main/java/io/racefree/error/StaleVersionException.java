package io.racefree.error;

/**
 * An optimistic version check failed: the row changed since it was read. Retryable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class StaleVersionException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public StaleVersionException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.STALE_VERSION, details, problem, "re-read the row and re-run the whole transaction", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public StaleVersionException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.STALE_VERSION, details, problem, advice, cause);
  }
}
