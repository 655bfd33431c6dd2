package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EmbeddedScenarioIT {
  private final EmbeddedTargets embedded = new EmbeddedTargets();

  @AfterEach
  void removeFiles() {
    embedded.close();
  }

  @Nested
  @Tag("h2")
  class H2 extends ScenarioContract {
    @Override
    Target target() {
      return embedded.targets().get(0);
    }

    @Test
    void naiveGetOrCreateWithoutUniqueKeyMakesDuplicates() {
      assertThat(names(run("get-or-create-no-unique", "naive", Isolation.READ_COMMITTED)))
          .contains(Outcomes.DUPLICATE_ROWS);
    }

    @Test
    void naiveUpdateOrCreateLosesTheConcurrentUpdate() {
      assertThat(names(run("update-or-create", "naive", Isolation.READ_COMMITTED)))
          .contains(Outcomes.LOST_UPDATE);
    }

    @Test
    void naiveTransferAtReadCommittedDestroysMoney() {
      assertThat(names(run("transfer", "naive", Isolation.READ_COMMITTED)))
          .contains(Outcomes.MONEY_CREATED_OR_DESTROYED);
    }
  }

  /**
   * SQLite's single writer turns every race into SQLITE_BUSY or a wait: no duplicates, no lost
   * update.
   */
  @Nested
  @Tag("sqlite")
  class Sqlite extends ScenarioContract {
    @Override
    Target target() {
      return embedded.targets().get(1);
    }

    @Test
    void naiveWithoutUniqueKeyGetsBusyInsteadOfDuplicates() {
      assertThat(names(run("get-or-create-no-unique", "naive", Isolation.SERIALIZABLE)))
          .contains(Outcomes.BUSY).doesNotContain(Outcomes.DUPLICATE_ROWS);
    }

    @Test
    void racefreeAndTheTableLockWaitForTheFirstWriterInsteadOfReportingALockTimeout() {
      for (String strategy : java.util.List.of("racefree", "table-lock")) {
        var run = run("get-or-create-unique", strategy, Isolation.SERIALIZABLE);
        assertThat(names(run)).as(strategy).contains(Outcomes.SERIALIZED_BY_ENGINE, Outcomes.ONE_ROW)
            .doesNotContain(Outcomes.LOCK_TIMEOUT, Outcomes.BUSY);
        assertThat(run.grade()).as(strategy).isEqualTo(io.racefree.lab.model.Grade.PASSED);
      }
    }

    /**
     * Serialized by the engine exactly where the competitor only waited behind the paused first
     * caller's write lock (BEGIN IMMEDIATE, an atomic write first, racefree's own write); a
     * deferred transaction whose read cannot become a write meets a real SQLITE_BUSY instead.
     */
    @Test
    void theEngineSerializesOnlyWhereTheCompetitorJustWaitsForTheWriteLock() {
      var waiting = java.util.EnumSet.of(io.racefree.lab.model.Strategy.TABLE_LOCK,
          io.racefree.lab.model.Strategy.ATOMIC_UPDATE, io.racefree.lab.model.Strategy.RACEFREE);
      for (Scenario scenario : Scenarios.ALL) {
        for (var strategy : scenario.spec().strategies()) {
          var run = lab.deterministic(scenario, strategy, Isolation.SERIALIZABLE);
          if (run.status() != io.racefree.lab.model.RunStatus.OK) {
            continue; // no row locks or named locks on SQLite
          }
          String cell = scenario.name() + " / " + strategy.label();
          if (waiting.contains(strategy)) {
            assertThat(names(run)).as(cell).contains(Outcomes.SERIALIZED_BY_ENGINE)
                .doesNotContain(Outcomes.BUSY, Outcomes.LOCK_TIMEOUT);
            assertThat(run.grade()).as(cell).isEqualTo(io.racefree.lab.model.Grade.PASSED);
          } else {
            assertThat(names(run)).as(cell).doesNotContain(Outcomes.SERIALIZED_BY_ENGINE);
          }
        }
      }
    }

    @Test
    void naiveTransferStaysBalanced() {
      assertThat(names(run("transfer", "naive", Isolation.SERIALIZABLE)))
          .contains(Outcomes.BALANCED).doesNotContain(Outcomes.LOST_UPDATE);
    }
  }
}
