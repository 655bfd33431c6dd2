package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.ScenarioSpec;
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

  RunResult run(String scenario, String strategy, Isolation level) {
    ScenarioSpec spec = Catalog.scenario(scenario).orElseThrow();
    RunResult run = lab.deterministic(spec, strategy, level);
    assertThat(run.status()).as("%s/%s %s: %s", scenario, strategy, level, run.message())
        .isEqualTo(RunStatus.OK);
    return run;
  }

  static List<String> names(RunResult run) {
    return run.observations().stream().map(Observation::name).toList();
  }

  @Test
  void racefreeStrategyNeverShowsAForbiddenOutcome() {
    for (ScenarioSpec scenario : Catalog.SCENARIOS) {
      for (Isolation level : database.engine().isolations()) {
        RunResult run = lab.deterministic(scenario, Catalog.RACEFREE, level);
        assertThat(run.grade()).as("%s at %s", scenario.name(), level).isNotEqualTo(Grade.FAILED);
      }
    }
  }
}
