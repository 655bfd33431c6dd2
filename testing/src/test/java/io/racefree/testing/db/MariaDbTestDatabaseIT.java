package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbTestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.mariadb();
  }

  @Override
  String expectedName() {
    return "mariadb";
  }
}
