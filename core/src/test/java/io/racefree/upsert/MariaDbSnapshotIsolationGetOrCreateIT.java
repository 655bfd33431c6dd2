package io.racefree.upsert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbSnapshotIsolationGetOrCreateIT extends GetOrCreateContract {
  @BeforeAll
  static void needsSnapshotIsolation() {
    assumeTrue(TestDatabases.mariadbServer().hasVariable("innodb_snapshot_isolation"),
        "this MariaDB server has no innodb_snapshot_isolation (added in 10.6.18/10.11.8; the embedded one is 10.11.5)");
  }

  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::mariadb, "?sessionVariables=innodb_lock_wait_timeout=20,innodb_snapshot_isolation=ON");
  }

  @Override
  boolean mariaDbSnapshotIsolation() {
    return true;
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }
}
