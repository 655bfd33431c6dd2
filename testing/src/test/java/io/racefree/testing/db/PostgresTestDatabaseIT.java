package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresTestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.postgres();
  }

  @Override
  String expectedName() {
    return "postgresql";
  }
}
