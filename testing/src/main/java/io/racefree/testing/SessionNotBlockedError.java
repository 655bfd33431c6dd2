package io.racefree.testing;

/**
 * A database session that a test expected to wait on a lock finished its statement instead, or
 * did not start waiting within the timeout. The message names the session and its last activity.
 * Immutable.
 */
public final class SessionNotBlockedError extends AssertionError {
  /**
   * A session that never waited.
   *
   * @param message the session and its last activity
   */
  public SessionNotBlockedError(String message) {
    super(message);
  }
}
