package io.racefree.lab.db;

import io.racefree.lab.UsageException;
import io.racefree.lab.model.DatabaseInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A target given with several {@code --url}s: the nodes of one MariaDB Galera cluster. Checks that
 * it is one, and describes it for the report. Stateless.
 */
final class ClusterNodes {
  /** A causal no-op: returns once the node has applied everything the cluster committed before. */
  static final String CATCH_UP = "SET STATEMENT wsrep_sync_wait=1 FOR SELECT 1";

  private ClusterNodes() {}

  static DatabaseInfo describe(Target target, Engine engine, Connection admin, DatabaseInfo single)
      throws SQLException {
    if (engine != Engine.MARIADB || !wsrepOn(admin)) {
      throw new UsageException("several --url are the nodes of one MariaDB Galera cluster, but "
          + target.nodeUrls().get(0) + " is not a Galera node (@@wsrep_on is not 1)");
    }
    Map<String, String> status = new HashMap<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
            + " ('wsrep_cluster_size', 'wsrep_provider_version', 'wsrep_cluster_status')")) {
      while (rows.next()) {
        status.put(rows.getString(1), rows.getString(2));
      }
    }
    try (Statement statement = admin.createStatement()) {
      // Final-state checks on the first node see what every node committed.
      statement.execute("SET SESSION wsrep_sync_wait = 1");
    }
    String cluster = "Galera cluster: " + target.nodeUrls().size() + " nodes given, wsrep_cluster_size "
        + status.get("wsrep_cluster_size") + " (" + status.get("wsrep_cluster_status")
        + "), wsrep_provider_version " + status.get("wsrep_provider_version");
    return new DatabaseInfo(single.label(), single.url(), single.product(), single.productVersion(),
        single.driver(), single.driverVersion(), single.defaultIsolation(), single.sessionSettings(),
        cluster);
  }

  private static boolean wsrepOn(Connection admin) {
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT @@wsrep_on")) {
      return rows.next() && rows.getInt(1) == 1;
    } catch (SQLException unknownVariable) {
      return false;
    }
  }
}
