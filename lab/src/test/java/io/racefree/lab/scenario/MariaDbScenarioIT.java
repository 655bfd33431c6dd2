package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.LabServers;
import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestDatabases;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbScenarioIT extends ScenarioContract {
  @Override
  Target target() {
    return LabServers.target(TestDatabases.mariadbServer());
  }

  @Test
  void naiveAtRepeatableReadGetsNotFoundAfterTheDuplicateKey() {
    // seeds 000, 001, 003: the re-read uses the snapshot taken by the first read
    assertThat(names(run("get-or-create-unique", "naive", Isolation.REPEATABLE_READ)))
        .contains(Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY);
  }

  @Test
  void savepointBeforeTheFirstReadRefreshesTheSnapshot() {
    // seed 000's claim holds on MariaDB: nothing touched InnoDB before the savepoint
    assertThat(run("get-or-create-unique", "savepoint-before-read", Isolation.REPEATABLE_READ)
        .grade()).isEqualTo(Grade.PASSED);
  }

  @Test
  void readCommittedAdvicePasses() {
    // seed 003's advice
    assertThat(run("get-or-create-unique", "read-committed", Isolation.READ_COMMITTED).grade())
        .isEqualTo(Grade.PASSED);
  }

  @Test
  void naiveGetOrCreateWithoutUniqueKeyMakesDuplicates() {
    assertThat(names(run("get-or-create-no-unique", "naive", Isolation.READ_COMMITTED)))
        .contains(Outcomes.DUPLICATE_ROWS);
  }

  @Test
  void naiveTransferAtRepeatableReadLosesAnUpdate() {
    assertThat(names(run("transfer", "naive", Isolation.REPEATABLE_READ)))
        .contains(Outcomes.LOST_UPDATE);
  }
}
