package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MySQL Connector/J against the MariaDB server: it reports "MySQL 5.5.5-10.x-MariaDB". */
@Tag("mysql-driver")
class MySqlDriverTransactionIT extends TransactionContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mysqlDriverOnMariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }

  @Test
  void mariaDbIsDetectedThroughTheMySqlDriver() {
    assertThat(db.dialect().kind()).isEqualTo(DatabaseKind.MARIADB);
    assertThat(db.dialect().version().major()).isGreaterThanOrEqualTo(10);
  }
}
