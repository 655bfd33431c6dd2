package io.racefree.docs;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbReadmeExamplesIT extends ReadmeExamplesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String identity() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }
}
