package io.racefree.spring;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbSpringJpaJoinIT extends SpringJpaJoinContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }
}
