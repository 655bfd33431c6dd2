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

  /**
   * What {@code connection} has now; take it right after opening the connection.
   *
   * @param connection the connection to read
   * @return what {@code connection} has now; take it right after opening the connection
   * @throws java.sql.SQLException when the connection cannot be read
   */
  public static ConnectionBaseline of(Connection connection) throws SQLException {
    return new ConnectionBaseline(connection.getTransactionIsolation(), connection.isReadOnly());
  }

  /**
   * The database's default isolation and read-write: what a pooled connection should come back with.
   *
   * @param connection the connection to read
   * @return the database's default isolation and read-write: what a pooled connection should come back with
   * @throws java.sql.SQLException when the connection cannot be read
   */
  public static ConnectionBaseline defaultsOf(Connection connection) throws SQLException {
    return new ConnectionBaseline(connection.getMetaData().getDefaultTransactionIsolation(), false);
  }
}
