package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.dialect.Dialects;
import io.racefree.dialect.ServerVersion;
import io.racefree.error.UnsupportedFeatureException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbClaimIT extends ClaimContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  /** SKIP LOCKED arrived in MariaDB 10.6: an older server refuses before any SQL runs. */
  @Test
  void beforeMariaDb106ClaimIsUnsupported() {
    Database old = Database.builder(db.pool())
        .dialect(Dialects.of(DatabaseKind.MARIADB, ServerVersion.parse("10.5.20-MariaDB"))).build();
    assertThatThrownBy(() -> old.useTransaction(tx -> tx.claim("job", Map.of("state", "ready"), "seq", 1)))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("SKIP LOCKED");
  }
}
