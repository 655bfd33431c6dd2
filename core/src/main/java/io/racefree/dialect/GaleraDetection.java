package io.racefree.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a MariaDB node of a Galera cluster from a single server: {@code @@wsrep_on} is 1 only where
 * the wsrep provider is loaded and replication is on. Reads the cluster's size, status and provider
 * version for the dialect and the lab's report. Stateless.
 */
final class GaleraDetection {
  private GaleraDetection() {}

  static Optional<Dialect> detect(Connection connection, ServerVersion version) throws SQLException {
    if (!wsrepOn(connection)) {
      return Optional.empty();
    }
    Map<String, String> status = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
            + " ('wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_provider_version')")) {
      while (rows.next()) {
        status.put(rows.getString(1), rows.getString(2));
      }
    }
    int size = Integer.parseInt(status.getOrDefault("wsrep_cluster_size", "0"));
    return Optional.of(new GaleraDialect(version, size,
        status.getOrDefault("wsrep_cluster_status", "unknown"),
        status.getOrDefault("wsrep_provider_version", "unknown")));
  }

  private static boolean wsrepOn(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT @@wsrep_on")) {
      return rows.next() && rows.getInt(1) == 1;
    } catch (SQLException unknownVariable) {
      // ER_UNKNOWN_SYSTEM_VARIABLE (1193): a server built without wsrep.
      if (unknownVariable.getErrorCode() == 1193) {
        return false;
      }
      throw unknownVariable;
    }
  }
}
