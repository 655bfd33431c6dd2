package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import io.racefree.lock.internal.LockKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Borrows every connection of a test pool at once and checks that none holds a lock or an open
 * transaction: PostgreSQL advisory locks of the session, MariaDB GET_LOCK names the tests used and
 * tables left locked by LOCK TABLES, and auto-commit back on. A private stand-in for the testing
 * kit's LeakCheck. Thread-safe (the name registry is concurrent).
 */
final class LeakCheck {
  private static final Set<String> NAMES_USED = ConcurrentHashMap.newKeySet();

  private LeakCheck() {}

  /** A unique lock name, remembered so the check can ask the server who holds it. */
  static String lockName(String hint) {
    String name = "rf-test-" + hint + "-" + Long.toHexString(System.nanoTime());
    NAMES_USED.add(name);
    return name;
  }

  static void assertNoLocksHeld(TestDb db) {
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < TestDb.POOL_SIZE; i++) {
        borrowed.add(db.pool().getConnection());
      }
      for (Connection connection : borrowed) {
        assertThat(connection.getAutoCommit()).as("pooled connection back in auto-commit").isTrue();
        if (db.kind() == DatabaseKind.POSTGRESQL) {
          assertThat(count(connection, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"
              + " AND locktype = 'advisory'")).as("advisory locks held by a pooled connection").isZero();
        }
      }
      if (db.kind() == DatabaseKind.MARIADB) {
        assertNoMariaDbLocks(borrowed.get(0));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("leak check failed to run", e);
    } finally {
      for (Connection connection : borrowed) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the assertion above is what matters
        }
      }
    }
  }

  private static void assertNoMariaDbLocks(Connection connection) throws SQLException {
    try (PreparedStatement used = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      for (String name : NAMES_USED) {
        used.setString(1, LockKeys.mySqlName(name));
        try (ResultSet rs = used.executeQuery()) {
          rs.next();
          assertThat(rs.getObject(1)).as("holder of named lock %s", name).isNull();
        }
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet open = statement.executeQuery("SHOW OPEN TABLES FROM `" + connection.getCatalog()
            + "` WHERE In_use > 0")) {
      assertThat(open.next()).as("a table still locked with LOCK TABLES").isFalse();
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
