package io.racefree.testing;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2BlockedSessionsIT extends BlockedSessionsContract {
  @Override
  TestDatabase create() {
    return TestDatabases.h2();
  }

  @Override
  void allowLongLockWaits(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCK_TIMEOUT 20000");
    }
  }
}
