package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteWalTestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.sqliteWal();
  }

  @Override
  String expectedName() {
    return "sqlite";
  }
}
