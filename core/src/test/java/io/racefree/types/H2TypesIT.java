package io.racefree.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("h2")
class H2TypesIT extends TypesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.h2();
  }

  @Override
  String createTable() {
    return "CREATE TABLE typed (id BIGINT PRIMARY KEY, d DATE, tm TIME(6), ldt TIMESTAMP(6),"
        + " inst TIMESTAMP(6) WITH TIME ZONE, odt TIMESTAMP(6) WITH TIME ZONE, u UUID, j JSON,"
        + " b VARBINARY(100), n DECIMAL(30, 10), e VARCHAR(10))";
  }

  /** H2 compares a nanosecond parameter with the rounded stored value: no match (docs/types.md). */
  @Test
  void aLookupMoreExactThanTheColumnFindsNothing() {
    LocalDateTime withNanos = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_789);
    db.insert("typed", Map.of("id", 1, "ldt", withNanos));

    assertThat(db.find("typed", Map.of("ldt", withNanos))).isEmpty();
    assertThat(db.find("typed", Map.of("ldt", storedFromNanos(withNanos)))).isPresent();
  }

  /** Microseconds for TIMESTAMP(6), rounded half up. */
  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }
}
