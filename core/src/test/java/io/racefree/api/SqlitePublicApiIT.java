package io.racefree.api;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqlitePublicApiIT extends PublicApiContract {
  @Override
  TestDatabase open() {
    return TestDatabases.sqlite();
  }

  @Override
  String identityColumn() {
    return "id INTEGER PRIMARY KEY";
  }
}
