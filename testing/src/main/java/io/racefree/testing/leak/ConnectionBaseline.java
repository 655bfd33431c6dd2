package io.racefree.testing.leak;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The settings a connection should be given back with: the ones it had when it was opened, or
 * the database defaults. Immutable and thread-safe.
 *
 * @param isolation a {@code Connection.TRANSACTION_*} level
 * @param readOnly the read-only flag
 */
public record ConnectionBaseline(int isolation, boolean readOnly) {

  /** What {@code connection} has now; take it right after opening the connection. */
  public static ConnectionBaseline of(Connection connection) throws SQLException {
    return new ConnectionBaseline(connection.getTransactionIsolation(), connection.isReadOnly());
  }

  /** The database's default isolation and read-write: what a pooled connection should come back with. */
  public static ConnectionBaseline defaultsOf(Connection connection) throws SQLException {
    return new ConnectionBaseline(connection.getMetaData().getDefaultTransactionIsolation(), false);
  }
}
