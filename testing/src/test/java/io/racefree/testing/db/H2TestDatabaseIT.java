package io.racefree.testing.db;

import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2TestDatabaseIT extends TestDatabaseContract {
  @Override
  TestDatabase create() {
    return TestDatabases.h2();
  }

  @Override
  String expectedName() {
    return "h2";
  }
}
