package io.racefree.lab.scenario;

/**
 * What one caller got: a created flag (get-or-create) or nothing, or the observation name of the
 * error that reached it.
 *
 * <p>Immutable and thread-safe.
 */
record CallResult(boolean created, String failure) {
  static CallResult ok(boolean created) {
    return new CallResult(created, null);
  }

  static CallResult failed(String observation) {
    return new CallResult(false, observation);
  }

  boolean succeeded() {
    return failure == null;
  }
}
