package io.racefree.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection settings racefree may change, captured before and restored after every callback
 * so a connection goes back to its pool exactly as it came.
 */
record ConnectionState(boolean autoCommit, int isolation, boolean readOnly) {
  static ConnectionState capture(Connection connection) throws SQLException {
    return new ConnectionState(
        connection.getAutoCommit(), connection.getTransactionIsolation(), connection.isReadOnly());
  }

  void restore(Connection connection) throws SQLException {
    if (connection.getAutoCommit() != autoCommit) {
      connection.setAutoCommit(autoCommit);
    }
    if (connection.getTransactionIsolation() != isolation) {
      connection.setTransactionIsolation(isolation);
    }
    if (connection.isReadOnly() != readOnly) {
      connection.setReadOnly(readOnly);
    }
  }
}
