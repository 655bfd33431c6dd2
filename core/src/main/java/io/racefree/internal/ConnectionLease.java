package io.racefree.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.SqlErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection borrowed from a data source together with the state it came with, so that it goes
 * back exactly as it came: auto-commit, isolation and read-only restored, then closed, on every
 * path. Not thread-safe. Not API.
 */
final class ConnectionLease {
  /** Work on the connection before its state is restored, such as undoing a SQLite pragma. */
  @FunctionalInterface
  interface Undo {
    void run(Connection connection) throws SQLException;
  }

  private final Connection connection;
  private final ConnectionState saved;
  private final DatabaseKind database;

  private ConnectionLease(Connection connection, ConnectionState saved, DatabaseKind database) {
    this.connection = connection;
    this.saved = saved;
    this.database = database;
  }

  static ConnectionLease borrow(DataSource dataSource, DatabaseKind database) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate("get a connection", null, e, database);
    }
    try {
      return new ConnectionLease(connection, ConnectionState.capture(connection), database);
    } catch (SQLException e) {
      RuntimeException failure = SqlErrorTranslator.translate("read connection state", null, e, database);
      close(connection, failure);
      throw failure;
    }
  }

  Connection connection() {
    return connection;
  }

  /** The state to restore, for recording an isolation change. */
  ConnectionState saved() {
    return saved;
  }

  /**
   * Runs {@code undo} (may be null), restores the saved state and closes the connection. With a
   * {@code failure} already on its way, problems here are suppressed onto it; otherwise they are
   * thrown once the connection is closed.
   */
  void giveBack(Throwable failure, Undo undo) {
    try {
      if (undo != null) {
        undo.run(connection);
      }
      saved.restore(connection);
    } catch (SQLException e) {
      if (failure == null) {
        RuntimeException restoreFailure =
            SqlErrorTranslator.translate("restore connection state", null, e, database);
        close(connection, restoreFailure);
        throw restoreFailure;
      }
      failure.addSuppressed(e);
    }
    close(connection, failure);
  }

  private static void close(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
