package io.racefree.lab.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.lab.LabServers;
import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestDatabases;
import io.racefree.lab.model.Isolation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MariaDB with {@code innodb_snapshot_isolation=ON} (the default from 11.6): REPEATABLE READ
 * aborts a transaction that writes a row changed after its read view (error 1020), so lost
 * update, PMP and read skew on a write predicate are prevented; it becomes snapshot isolation,
 * like PostgreSQL's REPEATABLE READ. Hermitage's MySQL table does not cover this setting.
 */
@Tag("mariadb")
class MariaDbSnapshotIsolationProbeIT extends ProbeContract {
  @BeforeAll
  static void needsSnapshotIsolation() {
    assumeTrue(TestDatabases.mariadbServer().hasVariable("innodb_snapshot_isolation"),
        "this MariaDB server has no innodb_snapshot_isolation (added in 10.6.18/10.11.8; the embedded one is 10.11.5)");
  }

  @Override
  Target target() {
    return LabServers.target(TestDatabases.mariadbServer())
        .withLabel("mariadb").withVariant("-si", "SET SESSION innodb_snapshot_isolation = ON");
  }

  @Override
  Map<Isolation, Set<String>> expectedAnomalies() {
    return Map.of(
        Isolation.READ_COMMITTED, READ_COMMITTED_LIKE,
        Isolation.REPEATABLE_READ, SNAPSHOT_LIKE,
        Isolation.SERIALIZABLE, Set.of());
  }

  @Test
  void repeatableReadBecomesSnapshotIsolation() {
    assertVerdictsMatch();
  }
}
