package io.racefree.spring;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbSpringJoinIT extends SpringJoinContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }
}
