package io.racefree.api;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mysql-driver")
class MySqlDriverPublicApiIT extends PublicApiContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mysqlDriverOnMariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }
}
