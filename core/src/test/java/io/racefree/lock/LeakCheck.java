package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Borrows every connection of a test pool at once and checks each with the testing kit's leak
 * check (open transaction, changed settings, named locks held), plus MariaDB tables left locked by
 * LOCK TABLES. Stateless.
 */
final class LeakCheck {
  private LeakCheck() {}

  /** A lock name no other test (or test run on the same server) uses. */
  static String lockName(String hint) {
    return "rf-test-" + hint + "-" + Long.toHexString(System.nanoTime());
  }

  static void assertNoLocksHeld(TestDb db) {
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < TestDb.POOL_SIZE; i++) {
        borrowed.add(db.pool().getConnection());
      }
      for (Connection connection : borrowed) {
        assertThat(io.racefree.testing.leak.LeakCheck.inspect(connection, engine(db.kind())))
            .as("what a pooled connection still holds").isEmpty();
      }
      if (db.kind() == DatabaseKind.MARIADB) {
        assertNoLockedTables(borrowed.get(0));
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

  private static io.racefree.testing.Engine engine(DatabaseKind kind) {
    return io.racefree.testing.Engine.valueOf(kind.name());
  }

  /** The kit checks named locks and transactions; LOCK TABLES is the lock package's own worry. */
  private static void assertNoLockedTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet open = statement.executeQuery("SHOW OPEN TABLES FROM `" + connection.getCatalog()
            + "` WHERE In_use > 0")) {
      assertThat(open.next()).as("a table still locked with LOCK TABLES").isFalse();
    }
  }


}
