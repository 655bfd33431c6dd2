package io.racefree.testing.leak;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresLeakCheckIT extends LeakCheckContract {
  @Override
  TestDatabase create() {
    return TestDatabases.postgres();
  }

  @Override
  String takeNamedLock() {
    return "SELECT pg_advisory_lock(77)";
  }

  @Override
  String beginTransaction() {
    return "BEGIN";
  }

  @Override
  void releaseAll(Connection connection) throws SQLException {
    run(connection, "SELECT pg_advisory_unlock_all()");
  }
}
