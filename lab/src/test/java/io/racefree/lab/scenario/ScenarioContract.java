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
