package io.racefree.testing;

/**
 * An {@link Interleaving} did not finish in time, or a phase was not reached in time. The message
 * lists every actor, what it was waiting for and where its thread was. Immutable.
 */
public final class InterleavingTimeoutError extends AssertionError {
  /**
   * A timeout.
   *
   * @param message every actor, what it waited for and where its thread was
   */
  public InterleavingTimeoutError(String message) {
    super(message);
  }
}
