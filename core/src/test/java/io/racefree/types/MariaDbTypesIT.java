package io.racefree.types;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbTypesIT extends TypesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String createTable() {
    return MARIADB_TABLE;
  }

  static final String MARIADB_TABLE = "CREATE TABLE typed (id BIGINT PRIMARY KEY, d DATE, tm TIME(6),"
      + " ldt DATETIME(6), inst TIMESTAMP(6) NULL, odt TIMESTAMP(6) NULL, u UUID, j JSON, b BLOB,"
      + " n DECIMAL(30, 10), e VARCHAR(10))";

  /** Microseconds, truncated (MariaDB drops the digits a DATETIME(6) cannot hold). */
  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.truncatedTo(ChronoUnit.MICROS);
  }
}
