package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteTestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.sqlite();
  }

  @Override
  String expectedName() {
    return "sqlite";
  }
}
