package io.racefree.lab.probe;

import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import java.util.Map;
import java.util.Set;
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
  @Override
  Target target() {
    return Target.of(env("RACEFREE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
            env("RACEFREE_MARIADB_USER", "root"), env("RACEFREE_MARIADB_PASSWORD", ""))
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
