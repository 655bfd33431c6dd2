package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcome;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A race scenario the lab can run, all in one class: its declared {@link ScenarioSpec} (name,
 * sources, outcomes, the strategies that apply), its tables, the forced interleaving of its
 * deterministic run, its stress call and the invariant checked after stress. Every scenario is
 * listed in {@link Scenarios#ALL}.
 *
 * <p>Subclasses are immutable and thread-safe.
 */
public abstract class Scenario {
  private final ScenarioSpec spec;

  Scenario(String name, List<String> sources, String description, List<Outcome> outcomes,
      Set<Strategy> strategies) {
    this.spec = new ScenarioSpec(name, sources, description, outcomes, strategies);
  }

  public final ScenarioSpec spec() {
    return spec;
  }

  /** The fixed name reports and scripts use: {@code get-or-create-unique}, ... */
  public final String name() {
    return spec.name();
  }

  public final boolean appliesTo(Strategy strategy) {
    return spec.appliesTo(strategy);
  }

  /**
   * The deterministic run: fresh tables, the two callers in the scenario's interleaving, then
   * counts of named observations (what reached the callers first, then what the tables hold).
   */
  abstract Map<String, Long> race(ScenarioRuns runs, Strategy strategy, Isolation isolation)
      throws SQLException;

  /** Fresh tables for a stress run, shared by every thread and worker process. */
  abstract void prepareStress(LabDatabase database) throws SQLException;

  /**
   * One stress call on {@code key} (from the moving window every thread races on) at the run's
   * {@code level}; returns the tally of that call alone. {@code room} counts who is inside a
   * critical section among this process's threads.
   */
  abstract StressTally operate(Strategy strategy, Actor actor, Isolation level, long key,
      SplittableRandom random, CriticalSection.Room room)
      throws CallerFailure, InterruptedException;

  /** Adds to {@code counts} what the tables say against what the stress callers were told. */
  abstract void verify(LabDatabase database, StressTally tally, Map<String, Long> counts)
      throws SQLException;

  @Override
  public String toString() {
    return name();
  }
}
