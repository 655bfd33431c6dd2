package io.racefree.lock.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ends a connection that may still hold a session-scoped lock racefree could not release, so it
 * never goes back to a pool holding it: {@link Connection#abort} makes the server end the session
 * (which releases its locks); the closed connection then fails the pool's next use of it, and
 * HikariCP evicts it where that failure has a connection-broken SQLState (08xxx: PostgreSQL,
 * MariaDB, MySQL; not H2, whose pools need an exception override). Not API.
 */
final class ConnectionAbort {
  private ConnectionAbort() {}

  static void abortQuietly(Connection connection, SQLException releaseFailure) {
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException e) {
      releaseFailure.addSuppressed(e);
    }
  }
}
