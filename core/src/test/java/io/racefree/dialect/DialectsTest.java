package io.racefree.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.error.InvalidRequestException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.tx.Isolation;
import org.junit.jupiter.api.Test;

class DialectsTest {
  @Test
  void mariaDbSeenThroughMySqlConnectorIsMariaDb() {
    assertThat(Dialects.kindOf("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1")).isEqualTo(DatabaseKind.MARIADB);
    ServerVersion version = ServerVersion.parse("5.5.5-10.11.19-MariaDB-0+deb12u1");
    assertThat(version).extracting(ServerVersion::major, ServerVersion::minor, ServerVersion::patch)
        .containsExactly(10, 11, 19);
  }

  @Test
  void productNamesMapToEngines() {
    assertThat(Dialects.kindOf("MariaDB", "10.11.19-MariaDB")).isEqualTo(DatabaseKind.MARIADB);
    assertThat(Dialects.kindOf("MySQL", "8.0.36")).isEqualTo(DatabaseKind.MYSQL);
    assertThat(Dialects.kindOf("PostgreSQL", "15.18 (Debian)")).isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(Dialects.kindOf("SQLite", "3.54.1")).isEqualTo(DatabaseKind.SQLITE);
    assertThat(Dialects.kindOf("H2", "2.5.252 (2026-09-23)")).isEqualTo(DatabaseKind.H2);
    assertThatThrownBy(() -> Dialects.kindOf("Oracle", "19c")).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Oracle");
  }

  @Test
  void featuresFollowServerVersions() {
    Dialect oldMaria = Dialects.of(DatabaseKind.MARIADB, ServerVersion.parse("10.4.2"));
    Dialect maria = Dialects.of(DatabaseKind.MARIADB, ServerVersion.parse("10.11.19-MariaDB"));
    assertThat(oldMaria.supports(Feature.INSERT_RETURNING)).isFalse();
    assertThat(oldMaria.supports(Feature.SKIP_LOCKED)).isFalse();
    assertThat(maria.supports(Feature.INSERT_RETURNING)).isTrue();
    assertThat(maria.supports(Feature.SKIP_LOCKED)).isTrue();
    assertThat(maria.supports(Feature.INNODB_SNAPSHOT_ISOLATION)).isTrue();
    assertThat(Dialects.of(DatabaseKind.POSTGRESQL, ServerVersion.parse("14.9")).supports(Feature.NULLS_NOT_DISTINCT)).isFalse();
    assertThat(Dialects.of(DatabaseKind.POSTGRESQL, ServerVersion.parse("15.18")).supports(Feature.NULLS_NOT_DISTINCT)).isTrue();
    assertThatThrownBy(() -> oldMaria.require(Feature.SKIP_LOCKED, "lockRows(account)"))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("lockRows(account)")
        .hasMessageContaining("SKIP_LOCKED");
  }

  @Test
  void isolationThatEnginesUpgrade() {
    Dialect postgres = Dialects.of(DatabaseKind.POSTGRESQL, ServerVersion.parse("15.1"));
    Dialect sqlite = Dialects.of(DatabaseKind.SQLITE, ServerVersion.parse("3.54.1"));
    assertThat(postgres.effectiveIsolation(Isolation.READ_UNCOMMITTED)).isEqualTo(Isolation.READ_COMMITTED);
    Dialect h2 = Dialects.of(DatabaseKind.H2, ServerVersion.parse("2.5.252"));
    assertThat(h2.effectiveIsolation(Isolation.READ_UNCOMMITTED)).isEqualTo(Isolation.READ_COMMITTED);
    assertThat(h2.effectiveIsolation(Isolation.REPEATABLE_READ)).isEqualTo(Isolation.REPEATABLE_READ);
    for (Isolation level : Isolation.values()) {
      assertThat(sqlite.effectiveIsolation(level)).isEqualTo(Isolation.SERIALIZABLE);
    }
    assertThat(postgres.parseServerIsolation("repeatable read")).isEqualTo(Isolation.REPEATABLE_READ);
    assertThat(postgres.parseServerIsolation("REPEATABLE-READ")).isEqualTo(Isolation.REPEATABLE_READ);
  }

  @Test
  void quotingRefusesTextThatCouldEscape() {
    Dialect maria = Dialects.of(DatabaseKind.MARIADB, ServerVersion.parse("10.11.19"));
    assertThat(maria.quote("account")).isEqualTo("`account`");
    assertThatThrownBy(() -> maria.quote("a`b")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aLockWaitSettingExistsExactlyWhereTheFeatureIsDeclared() {
    for (DatabaseKind kind : DatabaseKind.values()) {
      Dialect dialect = Dialects.of(kind, ServerVersion.parse("99.0"));
      assertThat(dialect.lockWaitSetting() != null).as(kind.toString())
          .isEqualTo(dialect.supports(Feature.LOCK_TIMEOUT_SETTING));
    }
    Dialect galera = new GaleraDialect(ServerVersion.parse("10.11.19-MariaDB"), 3, "Primary", "26.4");
    assertThat(galera.lockWaitSetting() != null).isEqualTo(galera.supports(Feature.LOCK_TIMEOUT_SETTING));
  }
}
