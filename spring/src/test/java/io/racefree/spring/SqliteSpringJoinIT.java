package io.racefree.spring;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteSpringJoinIT extends SpringJoinContract {
  @Override
  TestDatabase open() {
    return TestDatabases.sqlite();
  }

  @Override
  String identityColumn() {
    return "id INTEGER PRIMARY KEY";
  }

  @Override
  boolean hasIsolationLevels() {
    return false;
  }
}
