package io.racefree.api;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbDatabaseListenerIT extends DatabaseListenerContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }
}
