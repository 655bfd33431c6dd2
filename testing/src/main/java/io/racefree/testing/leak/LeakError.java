package io.racefree.testing.leak;

/** A test left a connection, transaction or named lock open. The message lists every leak. Immutable. */
public final class LeakError extends AssertionError {
  /**
   * Leaks found.
   *
   * @param message every leak, one per line
   */
  public LeakError(String message) {
    super(message);
  }
}
