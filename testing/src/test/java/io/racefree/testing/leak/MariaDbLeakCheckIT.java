package io.racefree.testing.leak;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

/** No releaseAll: on MariaDB the check itself releases the named locks it finds. */
@Tag("mariadb")
class MariaDbLeakCheckIT extends LeakCheckContract {
  @Override
  TestDatabase create() {
    return TestDatabases.mariadb();
  }

  @Override
  String takeNamedLock() {
    return "SELECT GET_LOCK('rf_leak', 0)";
  }

  @Override
  String beginTransaction() {
    return "START TRANSACTION";
  }
}
