package io.racefree.tx;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbConnectionFaultIT extends ConnectionFaultContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String killSql(long sessionId) {
    return "KILL " + sessionId;
  }

  @Override
  String sessionCountSql(long sessionId) {
    return "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + sessionId;
  }
}
