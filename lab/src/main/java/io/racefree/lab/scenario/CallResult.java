package io.racefree.lab.scenario;

/**
 * What one caller got: a created flag (get-or-create) or nothing, or the observation name of the
 * error that reached it (with the error's first line as detail).
 *
 * <p>Immutable and thread-safe.
 */
record CallResult(boolean created, String failure, String detail) {
  static CallResult ok(boolean created) {
    return new CallResult(created, null, null);
  }

  static CallResult failed(String observation) {
    return new CallResult(false, observation, null);
  }

  /** A failure with the error's own words, kept for errors no outcome expects. */
  static CallResult failed(String observation, Throwable cause) {
    String detail = cause == null ? null : cause.getClass().getSimpleName() + ": "
        + String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    return new CallResult(false, observation, detail);
  }

  boolean succeeded() {
    return failure == null;
  }
}
