package io.racefree.lab.probe;

import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hermitage's published MySQL/InnoDB table (mysql.md), with its "R/O" entries (prevented only in
 * read-only transactions) counted as anomalies, since the write-predicate variants show them.
 */
@Tag("mariadb")
class MariaDbProbeIT extends ProbeContract {
  @Override
  Target target() {
    return Target.of(env("RACEFREE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
        env("RACEFREE_MARIADB_USER", "root"), env("RACEFREE_MARIADB_PASSWORD", ""));
  }

  @Override
  Map<Isolation, Set<String>> expectedAnomalies() {
    return Map.of(
        Isolation.READ_UNCOMMITTED, ALL_BUT_G0,
        Isolation.READ_COMMITTED, READ_COMMITTED_LIKE,
        Isolation.REPEATABLE_READ, READ_COMMITTED_LIKE,
        Isolation.SERIALIZABLE, Set.of());
  }

  @Test
  void verdictsMatchHermitagesMySqlTable() {
    assertVerdictsMatch();
  }
}
