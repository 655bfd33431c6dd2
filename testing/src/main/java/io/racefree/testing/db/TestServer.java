package io.racefree.testing.db;

import io.racefree.testing.TestingSqlException;
import io.racefree.testing.db.internal.Drivers;
import io.racefree.testing.db.internal.ServerEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database server the fixtures use: the configured one when it answers, otherwise the embedded
 * fallback. For tools that make their own namespace on a server (the race lab); tests that need a
 * fresh schema use {@link TestDatabases} instead.
 *
 * <p>Immutable and thread-safe.
 */
public record TestServer(String jdbcUrl, String user, String password, boolean embedded) {
  static TestServer of(ServerEndpoint endpoint) {
    return new TestServer(endpoint.jdbcUrl(), endpoint.user(), endpoint.password(), endpoint.embedded());
  }

  /**
   * Whether the server knows the named setting ({@code SHOW VARIABLES} on MariaDB and MySQL,
   * {@code pg_settings} on PostgreSQL): a test that needs a feature some versions lack (MariaDB's
   * {@code innodb_snapshot_isolation}, absent in the embedded 10.11.5) assumes it with this.
   *
   * @param name the setting's name
   * @return whether the server knows the named setting ({@code SHOW VARIABLES} on MariaDB and MySQL, {@code pg_settings} on PostgreSQL): a test that needs a feature some versions lack (MariaDB's {@code innodb_snapshot_isolation}, absent in the embedded 10.11.5) assumes it with this
   */
  public boolean hasVariable(String name) {
    String sql = jdbcUrl.startsWith("jdbc:postgresql:")
        ? "SELECT name FROM pg_settings WHERE name = ?"
        : "SHOW VARIABLES LIKE ?";
    try (Connection connection = Drivers.open(jdbcUrl, user, password);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new TestingSqlException("could not read the settings of " + this, e);
    }
  }

  @Override
  public String toString() {
    return jdbcUrl + " as " + user + (embedded ? " (embedded fallback)" : "");
  }
}
