package io.racefree.error;

/**
 * No row matched the lookup.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NotFoundException extends RacefreeException {
  public NotFoundException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, "use find(...) when a missing row is expected", cause);
  }

  public NotFoundException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.NOT_FOUND, details, problem, advice, cause);
  }
}
