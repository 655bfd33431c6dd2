package io.racefree.error;

/**
 * The database cannot do what was asked; racefree refuses instead of doing something else.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class UnsupportedFeatureException extends RacefreeException {
  public UnsupportedFeatureException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.UNSUPPORTED_FEATURE, details, problem, "see the dialect capability table in the README", cause);
  }

  public UnsupportedFeatureException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.UNSUPPORTED_FEATURE, details, problem, advice, cause);
  }
}
