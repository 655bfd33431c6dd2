package io.racefree.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

  /** pgjdbc sets the session's TimeZone to the JVM's, so the server reads the same instant. */
  @Test
  void theServerSeesTheInstantThatWasBound() {
    db.insert("typed", Map.of("id", 1, "inst", INSTANT));

    BigDecimal epoch = db.withSession(session -> session.query(
        "SELECT EXTRACT(EPOCH FROM inst) AS epoch FROM typed WHERE id = 1").get(0).getBigDecimal("epoch"));

    assertThat(epoch).isEqualByComparingTo(new BigDecimal("1709245800.123456"));
  }

  /** Microseconds, rounded half up. */
  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }
}
