package io.racefree.types;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresTypesIT extends TypesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.postgres();
  }

  @Override
  String createTable() {
    return "CREATE TABLE typed (id BIGINT PRIMARY KEY, d DATE, tm TIME, ldt TIMESTAMP, inst TIMESTAMPTZ,"
        + " odt TIMESTAMPTZ, u UUID, j JSONB, b BYTEA, n NUMERIC(30, 10), e VARCHAR(10))";
  }

  /** Microseconds, rounded half up. */
  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }
}
