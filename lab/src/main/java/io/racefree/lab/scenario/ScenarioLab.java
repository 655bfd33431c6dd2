package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.StrategySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios x strategies x isolation levels on one database.
 *
 * <p>Not thread-safe: drive from one thread.
 */
public final class ScenarioLab {
  private final LabDatabase database;
  private final ProgressListener progress;

  public ScenarioLab(LabDatabase database, ProgressListener progress) {
    this.database = database;
    this.progress = progress;
  }

  public List<RunResult> runAll(List<ScenarioSpec> scenarios, List<StrategySpec> strategies,
      List<Isolation> levels, StressSettings stress, boolean stressAtDefaultOnly) {
    List<RunResult> runs = new ArrayList<>();
    for (ScenarioSpec scenario : scenarios) {
      for (StrategySpec strategy : strategies) {
        if (!scenario.appliesTo(strategy.name())) {
          continue;
        }
        for (Isolation level : levels) {
          runs.add(new RunResult(RunResult.SCENARIO, database.label(), scenario.name(),
              strategy.name(), null, level, RunResult.DETERMINISTIC, RunStatus.SKIPPED, null,
              null, List.of(), null, List.of(), "not implemented yet", 0));
        }
      }
    }
    progress.update("done", 1);
    return runs;
  }
}
