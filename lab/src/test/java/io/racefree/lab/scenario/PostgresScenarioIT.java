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

@Tag("postgresql")
class PostgresScenarioIT extends ScenarioContract {
  @Override
  Target target() {
    return LabServers.target(TestDatabases.postgresServer());
  }

  @Test
  void naiveGetOrCreateWithoutUniqueKeyMakesDuplicates() {
    // seed 002: both callers miss, both insert
    assertThat(names(run("get-or-create-no-unique", "naive", Isolation.READ_COMMITTED)))
        .contains(Outcomes.DUPLICATE_ROWS);
  }

  @Test
  void naiveUpdateOrCreateLosesTheConcurrentUpdate() {
    // seed 004 / ticket #29499: the unlocked re-get lets another update slip in, then save wins
    assertThat(names(run("update-or-create", "naive", Isolation.READ_COMMITTED)))
        .contains(Outcomes.LOST_UPDATE);
  }

  @Test
  void naiveTransferAtReadCommittedDestroysMoney() {
    assertThat(names(run("transfer", "naive", Isolation.READ_COMMITTED)))
        .contains(Outcomes.MONEY_CREATED_OR_DESTROYED);
  }

  @Test
  void djangoAtRepeatableReadCannotSeeTheRowAfterTheDuplicate() {
    assertThat(names(run("get-or-create-unique", "django", Isolation.REPEATABLE_READ)))
        .contains(Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY);
  }

  @Test
  void djangoAtReadCommittedPasses() {
    assertThat(run("get-or-create-unique", "django", Isolation.READ_COMMITTED).grade())
        .isEqualTo(Grade.PASSED);
  }

  @Test
  void orderedRowLocksKeepTransfersBalanced() {
    assertThat(run("transfer", "select-for-update-ordered", Isolation.READ_COMMITTED).grade())
        .isEqualTo(Grade.PASSED);
  }
}
