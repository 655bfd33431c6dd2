package io.racefree.error;

/**
 * No row matched the lookup.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NotFoundException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public NotFoundException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, "use find(...) when a missing row is expected", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public NotFoundException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, advice, cause);
  }
}
