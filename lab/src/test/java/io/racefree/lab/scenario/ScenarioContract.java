package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.Strategy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deterministic scenario runs on one database, graded truthfully; subclassed per engine. */
abstract class ScenarioContract {
  LabDatabase database;
  ScenarioLab lab;

  abstract Target target();

  @BeforeEach
  void connect() {
    database = LabDatabase.open(target());
    lab = new ScenarioLab(database, (what, fraction) -> { });
  }

  @AfterEach
  void dropWorkspace() {
    database.close();
  }

  /** The scenario by its fixed name (reports and scripts depend on the names). */
  static Scenario scenario(String name) {
    return Scenarios.named(name).orElseThrow(() -> new AssertionError("no scenario " + name));
  }

  static Strategy strategy(String label) {
    return Strategy.byLabel(label).orElseThrow(() -> new AssertionError("no strategy " + label));
  }

  RunResult run(String scenario, String strategy, Isolation level) {
    RunResult run = lab.deterministic(scenario(scenario), strategy(strategy), level);
    assertThat(run.status()).as("%s/%s %s: %s", scenario, strategy, level, run.message())
        .isEqualTo(RunStatus.OK);
    return run;
  }

  static List<String> names(RunResult run) {
    return run.observations().stream().map(Observation::name).toList();
  }

  /**
   * On one server every lock the engine has keeps T2 out of the critical section until T1 has
   * left, at every level: a row lock without a write, a named lock, racefree's {@code tx.lock}.
   * Only the locks an engine lacks are skipped, with the reason.
   */
  @Test
  void onOneServerEveryLockStrategyLetsOneCallerIntoTheCriticalSection() {
    assumeTrue(database.info().cluster() == null, "a cluster grants locks per node: GaleraScenarioIT");
    Scenario criticalSection = scenario("critical-section");
    Engine engine = database.engine();
    for (Strategy strategy : List.of(Strategy.SELECT_FOR_UPDATE, Strategy.NAMED_LOCK, Strategy.RACEFREE)) {
      for (Isolation level : engine.isolations()) {
        RunResult run = lab.deterministic(criticalSection, strategy, level);
        boolean lacksTheLock = strategy == Strategy.SELECT_FOR_UPDATE ? engine == Engine.SQLITE
            : strategy == Strategy.NAMED_LOCK && (engine == Engine.SQLITE || engine == Engine.H2);
        if (lacksTheLock) {
          assertThat(run.status()).as("%s at %s", strategy, level).isEqualTo(RunStatus.SKIPPED);
          assertThat(run.message()).contains(engine.displayName());
          continue;
        }
        assertThat(run.status()).as("%s at %s: %s", strategy, level, run.message()).isEqualTo(RunStatus.OK);
        assertThat(names(run)).as("%s at %s", strategy, level)
            .contains(Outcomes.ONE_HOLDER).doesNotContain(Outcomes.HELD_TWICE, Outcomes.OTHER_ERROR);
      }
    }
  }

  /**
   * Under stress racefree does the same work as the other strategies, its hard case and the floor
   * are measured beside it, and none of the three shows a forbidden outcome on this engine.
   */
  @Test
  void stressRunsOfRacefreeItsHardCaseAndTheFloorShowNoForbiddenOutcome() {
    Isolation level = database.info().defaultIsolation();
    StressSettings brief = new StressSettings(3, 1, 0.3, 7);
    for (Scenario scenario : Scenarios.ALL) {
      for (Strategy strategy : List.of(Strategy.RACEFREE, Strategy.RACEFREE_HARD_CASE,
          Strategy.FLOOR)) {
        if (!scenario.appliesTo(strategy)) {
          continue;
        }
        RunResult run = lab.stress(scenario, strategy, level, brief);
        String cell = scenario.name() + " / " + strategy.label();
        assertThat(run.status()).as("%s: %s", cell, run.message()).isEqualTo(RunStatus.OK);
        assertThat(run.grade()).as("%s: %s", cell, run.observations())
            .isNotEqualTo(Grade.FAILED);
        assertThat(run.opsPerSecond()).as(cell).isNotNull();
      }
    }
  }

  /**
   * The hard case and the floor are stress-only: no forced race, no row of the deterministic
   * tables, and a run without stress leaves them out altogether.
   */
  @Test
  void theHardCaseAndTheFloorTakeNoPartInTheDeterministicRuns() {
    Scenario getOrCreate = scenario("get-or-create-unique");
    for (Strategy stressOnly : List.of(Strategy.RACEFREE_HARD_CASE, Strategy.FLOOR)) {
      assertThat(getOrCreate.appliesTo(stressOnly)).isTrue();
      assertThat(lab.deterministic(getOrCreate, stressOnly, database.info().defaultIsolation())
          .status()).isEqualTo(RunStatus.SKIPPED);
    }
    List<RunResult> noStress = lab.runAll(List.of(getOrCreate), List.of(Strategy.values()),
        List.of(database.info().defaultIsolation()), new StressSettings(2, 1, 0, 7), true);
    assertThat(noStress).extracting(RunResult::strategy)
        .contains("racefree").doesNotContain("racefree-hard-case", "floor");
    assertThat(scenario("get-or-create-no-unique").appliesTo(Strategy.FLOOR)).isFalse();
    assertThat(scenario("critical-section").appliesTo(Strategy.FLOOR)).isFalse();
  }

  /**
   * The shape of racefree's stress get-or-create of an existing key: one read of the table and no
   * transaction, like a hand-written SELECT; the hard case reads twice inside a transaction.
   */
  @Test
  void racefreeStressGetOrCreateOfAnExistingKeyIsOneReadWhereTheHardCaseReadsTwiceInATransaction()
      throws Exception {
    Scenario getOrCreate = scenario("get-or-create-unique");
    getOrCreate.prepareStress(database);
    Isolation level = database.info().defaultIsolation();
    try (java.sql.Connection session = database.openSession()) {
      session.setTransactionIsolation(level.jdbcLevel());
      StatementLog log = new StatementLog();
      Actor actor = new Actor(log.wrap(session), database.engine(), database::openSession);
      assertThat(GetOrCreate.stress(Strategy.RACEFREE, actor, 5, level)).isTrue();
      log.clear();
      assertThat(GetOrCreate.stress(Strategy.RACEFREE, actor, 5, level)).isFalse();
      assertThat(log.on("goc")).as("racefree: %s", log.prepared).isEqualTo(1);
      assertThat(log.transactionsBegun).as("racefree").isZero();
      session.setAutoCommit(true);
      log.clear();
      assertThat(GetOrCreate.stress(Strategy.RACEFREE_HARD_CASE, actor, 5, level)).isFalse();
      assertThat(log.on("goc")).as("hard case: %s", log.prepared).isGreaterThanOrEqualTo(2);
      assertThat(log.transactionsBegun).as("hard case").isEqualTo(1);
    }
  }

  @Test
  void racefreeStrategyNeverShowsAForbiddenOutcome() {
    for (Scenario scenario : Scenarios.ALL) {
      for (Isolation level : database.engine().isolations()) {
        RunResult run = lab.deterministic(scenario, Strategy.RACEFREE, level);
        assertThat(run.grade()).as("%s at %s", scenario.name(), level).isNotEqualTo(Grade.FAILED);
      }
    }
  }
}
