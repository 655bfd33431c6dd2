package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("mysql-driver")
class MySqlDriverTestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.mysqlDriverOnMariadb();
  }

  @Override
  String expectedName() {
    return "mysql-driver";
  }
}
