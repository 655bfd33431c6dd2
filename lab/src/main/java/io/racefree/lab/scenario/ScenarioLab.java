package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Grader;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.Strategy;
import io.racefree.testing.InterleavingTimeoutError;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios x strategies x isolation levels on one database and grades each run against the
 * scenario's declared outcomes. Strategies that are an isolation level ({@code read-committed},
 * {@code serializable-retry}) run only at their own level.
 *
 * <p>Not thread-safe: drive from one thread.
 */
public final class ScenarioLab {
  private final LabDatabase database;
  private final ProgressListener progress;
  private final ScenarioRuns runs;

  public ScenarioLab(LabDatabase database, ProgressListener progress) {
    this.database = database;
    this.progress = progress;
    this.runs = new ScenarioRuns(database);
  }

  public List<RunResult> runAll(List<Scenario> scenarios, List<Strategy> strategies,
      List<Isolation> levels, StressSettings stress, boolean stressAtDefaultOnly) {
    List<RunResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      for (Strategy strategy : strategies) {
        if (!scenario.appliesTo(strategy)) {
          continue;
        }
        for (Isolation level : strategy.levels(levels)) {
          if (!database.engine().offers(level)) {
            continue; // a strategy that is an isolation level the engine lacks: not listed
          }
          if (!strategy.stressOnly()) {
            results.add(deterministic(scenario, strategy, level));
          }
          boolean atDefault = level == database.info().defaultIsolation()
              || strategy.onlyLevel().isPresent();
          if (stress.enabled() && (atDefault || !stressAtDefaultOnly)) {
            results.add(stress(scenario, strategy, level, stress));
          }
        }
      }
    }
    return results;
  }

  /** One deterministic run; never throws for database trouble (status ERROR instead). */
  public RunResult deterministic(Scenario scenario, Strategy strategy, Isolation level) {
    String skip = deterministicSkipReason(strategy, level);
    if (skip != null) {
      return result(scenario, strategy, level, RunStatus.SKIPPED, List.of(), skip, 0);
    }
    long started = System.nanoTime();
    try {
      Map<String, Long> counts = scenario.race(runs, strategy, level);
      return result(scenario, strategy, level, RunStatus.OK,
          Grader.observe(scenario.spec(), counts), runs.takeUnexpected(), started);
    } catch (SQLException e) {
      return result(scenario, strategy, level, RunStatus.ERROR, List.of(),
          e.getMessage(), started);
    } catch (InterleavingTimeoutError e) {
      return result(scenario, strategy, level, RunStatus.TIMEOUT, List.of(),
          "the interleaving did not finish in time", started);
    }
  }

  /** One stress run; never throws for database trouble (status ERROR instead). */
  public RunResult stress(Scenario scenario, Strategy strategy, Isolation level,
      StressSettings settings) {
    String skip = stressSkipReason(strategy, level);
    if (skip != null) {
      return stressResult(scenario, strategy, level, RunStatus.SKIPPED, List.of(), null, skip,
          0);
    }
    long started = System.nanoTime();
    try {
      StressRun.Measured measured = new StressRun(database, progress).run(scenario, strategy,
          level, settings, database.label() + " " + scenario.name() + " / " + strategy.label());
      return stressResult(scenario, strategy, level, RunStatus.OK,
          Grader.observe(scenario.spec(), measured.counts()), measured.opsPerSecond(),
          measured.unexpected(), started);
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      return stressResult(scenario, strategy, level, RunStatus.ERROR, List.of(), null,
          String.valueOf(e.getMessage()), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stressResult(scenario, strategy, level, RunStatus.ERROR, List.of(), null,
          "interrupted", started);
    }
  }

  private RunResult stressResult(Scenario scenario, Strategy strategy, Isolation level,
      RunStatus status, List<Observation> observations, Double opsPerSecond, String message,
      long started) {
    long elapsed = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
    return new RunResult(RunResult.SCENARIO, database.label(), scenario.name(), strategy.label(),
        null, level, RunResult.STRESS, status,
        status == RunStatus.OK ? Grader.grade(observations) : null, null, observations,
        opsPerSecond, List.of(), message, elapsed);
  }

  /** Why the deterministic race does not run it: a stress-only measurement, or as below. */
  private String deterministicSkipReason(Strategy strategy, Isolation level) {
    return strategy.stressOnly()
        ? strategy.label() + " is a stress-only measurement: no forced race"
        : stressSkipReason(strategy, level);
  }

  /** Why this database cannot run the strategy at that level, or null when it can. */
  private String stressSkipReason(Strategy strategy, Isolation level) {
    Engine engine = database.engine();
    if (!engine.offers(level)) {
      return engine.displayName() + " does not offer " + level;
    }
    return switch (strategy) {
      case SELECT_FOR_UPDATE, SELECT_FOR_UPDATE_ORDERED -> engine == Engine.SQLITE
          ? "SQLite has no SELECT ... FOR UPDATE" : null;
      case NAMED_LOCK -> engine == Engine.SQLITE || engine == Engine.H2
          ? engine.displayName() + " has no named locks" : null;
      case TABLE_LOCK -> tableLockSkipReason(engine);
      default -> null;
    };
  }

  private String tableLockSkipReason(Engine engine) {
    if (database.info().cluster() != null) {
      return "LOCK TABLES on a Galera cluster does not stop other nodes' writes and can wedge a node"
          + " (a COMMIT stuck in 'Freeing items' in this lab's first cluster run); not run";
    }
    return TableLock.supported(engine) ? null : engine.displayName() + " has no table lock statement";
  }

  private RunResult result(Scenario scenario, Strategy strategy, Isolation level,
      RunStatus status, List<Observation> observations, String message, long started) {
    long elapsed = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
    return new RunResult(RunResult.SCENARIO, database.label(), scenario.name(), strategy.label(),
        null, level, RunResult.DETERMINISTIC, status,
        status == RunStatus.OK ? Grader.grade(observations) : null, null, observations, null,
        List.of(), message, elapsed);
  }
}
