package io.racefree.lab.scenario;

/**
 * A strategy call that ended with an error reaching its caller, named by the observation it
 * becomes.
 *
 * <p>Immutable; thread-safe.
 */
final class CallerFailure extends Exception {
  private final String observation;

  CallerFailure(String observation, Throwable cause) {
    super(observation, cause, false, false);
    this.observation = observation;
  }

  String observation() {
    return observation;
  }
}
