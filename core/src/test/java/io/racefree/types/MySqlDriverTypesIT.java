package io.racefree.types;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;

/** MySQL Connector/J against the MariaDB server: it would drop fractions of a second if bound natively. */
@Tag("mysql-driver")
class MySqlDriverTypesIT extends TypesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mysqlDriverOnMariadb();
  }

  @Override
  String createTable() {
    return MariaDbTypesIT.MARIADB_TABLE;
  }

  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.truncatedTo(ChronoUnit.MICROS);
  }
}
