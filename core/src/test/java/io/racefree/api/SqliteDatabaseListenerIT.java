package io.racefree.api;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteDatabaseListenerIT extends DatabaseListenerContract {
  @Override
  TestDatabase open() {
    return TestDatabases.sqlite();
  }
}
