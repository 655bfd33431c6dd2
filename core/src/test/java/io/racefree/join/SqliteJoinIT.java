package io.racefree.join;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteJoinIT extends JoinContract {
  @Override
  TestDatabase open() {
    return TestDatabases.sqlite();
  }

  @Override
  String identityColumn() {
    return "id INTEGER PRIMARY KEY";
  }
}
