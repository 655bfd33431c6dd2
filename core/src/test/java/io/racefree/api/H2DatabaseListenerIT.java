package io.racefree.api;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2DatabaseListenerIT extends DatabaseListenerContract {
  @Override
  TestDatabase open() {
    return TestDatabases.h2();
  }
}
