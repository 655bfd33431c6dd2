package io.racefree.lab.probe;

import io.racefree.lab.LabServers;
import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestDatabases;
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
    return LabServers.target(TestDatabases.mariadbServer());
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
