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

  /**
   * An Instant is written as the JVM's local date-time (Asia/Kolkata here): a TIMESTAMP column
   * means that instant to the server only when the session's time_zone is the JVM's; with the
   * server's own zone (UTC here) it is off by the JVM's offset (docs/types.md).
   */
  @Test
  void theServerSeesTheBoundInstantOnlyWhenTheSessionZoneIsTheJvms() {
    String jvmOffset = java.time.ZoneId.systemDefault().getRules().getOffset(INSTANT).getId();
    String epochOf = "SELECT UNIX_TIMESTAMP(inst) AS epoch FROM typed WHERE id = ?";

    BigDecimal sameZone = db.withSession(session -> {
      session.execute("SET time_zone = '" + jvmOffset + "'");
      session.insert("typed", Map.of("id", 1, "inst", INSTANT));
      BigDecimal seen = session.query(epochOf, 1).get(0).getBigDecimal("epoch");
      session.execute("SET time_zone = DEFAULT");
      return seen;
    });
    boolean serverZoneIsJvms = db.withSession(session -> session.query(
        "SELECT @@session.time_zone = ? OR (@@session.time_zone = 'SYSTEM' AND @@system_time_zone = ?) AS same",
        jvmOffset, jvmOffset).get(0).getBoolean("same"));
    db.insert("typed", Map.of("id", 2, "inst", INSTANT));
    BigDecimal serverZone = db.withSession(session -> session.query(epochOf, 2).get(0).getBigDecimal("epoch"));

    assertThat(sameZone).isEqualByComparingTo(new BigDecimal("1709245800.123456"));
    if (!serverZoneIsJvms) {
      assertThat(serverZone).isNotEqualByComparingTo(sameZone);
    }
    assertThat(db.get("typed", Map.of("id", 2)).getInstant("inst")).as("racefree reads back what it wrote")
        .isEqualTo(INSTANT);
  }

  /** Microseconds, truncated (MariaDB drops the digits a DATETIME(6) cannot hold). */
  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos.truncatedTo(ChronoUnit.MICROS);
  }
}
