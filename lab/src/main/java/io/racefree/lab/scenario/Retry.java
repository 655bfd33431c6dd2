package io.racefree.lab.scenario;

import java.sql.SQLException;

/**
 * The "catch and retry the whole transaction" advice: up to three attempts on serialization
 * failures, deadlocks, lock timeouts and SQLITE_BUSY; other errors go straight to the caller.
 *
 * <p>Stateless and thread-safe.
 */
final class Retry {
  private static final int ATTEMPTS = 3;

  private Retry() {}

  /** A transaction body; it may run more than once. */
  interface Body<T> {
    T run() throws SQLException, CallerFailure, InterruptedException;
  }

  static <T> T transient3(Actor actor, Body<T> body)
      throws SQLException, CallerFailure, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return body.run();
      } catch (SQLException e) {
        actor.rollbackQuietly();
        if (attempt >= ATTEMPTS || !actor.problem(e).transientFailure()) {
          throw e;
        }
      }
    }
  }
}
