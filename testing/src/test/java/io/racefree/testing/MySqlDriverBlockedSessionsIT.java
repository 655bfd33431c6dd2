package io.racefree.testing;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mysql-driver")
class MySqlDriverBlockedSessionsIT extends BlockedSessionsContract {
  @Override
  TestDatabase create() {
    return TestDatabases.mysqlDriverOnMariadb();
  }
}
