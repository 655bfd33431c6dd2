package io.racefree.testing;

/**
 * Thrown by {@link Interleaving#await(String)} when the phase can no longer be reached because an
 * actor failed; it keeps the other actors from waiting until the timeout. Immutable.
 */
public final class PhaseNeverReachedException extends RuntimeException {
  /**
   * A phase that can no longer be reached.
   *
   * @param phase the phase's name
   * @param reason why: which actor failed, and how
   */
  public PhaseNeverReachedException(String phase, String reason) {
    super("phase '" + phase + "' will never be reached: " + reason);
  }
}
