package io.racefree.join;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbJoinIT extends JoinContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }
}
