package io.racefree.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection settings racefree may change, captured before and restored after every callback
 * so a connection goes back to its pool exactly as it came. Isolation is not read here: reading it
 * is a server round trip on pgjdbc and MariaDB Connector/J, so a transaction reads it once and
 * records the level to restore only when it changes it ({@link #isolationChangedFrom}).
 */
final class ConnectionState {
  private final boolean autoCommit;
  private final boolean readOnly;
  private Integer isolationToRestore;

  private ConnectionState(boolean autoCommit, boolean readOnly) {
    this.autoCommit = autoCommit;
    this.readOnly = readOnly;
  }

  static ConnectionState capture(Connection connection) throws SQLException {
    return new ConnectionState(connection.getAutoCommit(), connection.isReadOnly());
  }

  boolean autoCommit() {
    return autoCommit;
  }

  boolean readOnly() {
    return readOnly;
  }

  /** Records that racefree changed the isolation level from {@code jdbcLevel}. */
  void isolationChangedFrom(int jdbcLevel) {
    if (isolationToRestore == null) {
      isolationToRestore = jdbcLevel;
    }
  }

  void restore(Connection connection) throws SQLException {
    if (connection.getAutoCommit() != autoCommit) {
      connection.setAutoCommit(autoCommit);
    }
    if (isolationToRestore != null) {
      connection.setTransactionIsolation(isolationToRestore);
    }
    if (connection.isReadOnly() != readOnly) {
      connection.setReadOnly(readOnly);
    }
  }
}
