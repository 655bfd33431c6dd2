package io.racefree.lab.probe;

import io.racefree.lab.LabServers;
import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestDatabases;
import io.racefree.lab.model.Isolation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hermitage's published PostgreSQL table (postgres.md); READ UNCOMMITTED behaves as RC. */
@Tag("postgresql")
class PostgresProbeIT extends ProbeContract {
  @Override
  Target target() {
    return LabServers.target(TestDatabases.postgresServer());
  }

  @Override
  Map<Isolation, Set<String>> expectedAnomalies() {
    return Map.of(
        Isolation.READ_UNCOMMITTED, READ_COMMITTED_LIKE,
        Isolation.READ_COMMITTED, READ_COMMITTED_LIKE,
        Isolation.REPEATABLE_READ, SNAPSHOT_LIKE,
        Isolation.SERIALIZABLE, Set.of());
  }

  @Test
  void verdictsMatchHermitagesPostgresTable() {
    assertVerdictsMatch();
  }
}
