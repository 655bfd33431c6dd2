package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.Grader;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.StrategySpec;
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

  public List<RunResult> runAll(List<ScenarioSpec> scenarios, List<StrategySpec> strategies,
      List<Isolation> levels, StressSettings stress, boolean stressAtDefaultOnly) {
    List<RunResult> results = new ArrayList<>();
    for (ScenarioSpec scenario : scenarios) {
      for (StrategySpec strategy : strategies) {
        if (!scenario.appliesTo(strategy.name())) {
          continue;
        }
        for (Isolation level : levelsFor(strategy.name(), levels)) {
          if (!database.engine().offers(level)) {
            continue; // a strategy that is an isolation level the engine lacks: not listed
          }
          results.add(deterministic(scenario, strategy.name(), level));
          boolean fixedLevel = levelsFor(strategy.name(), List.of()).size() == 1;
          boolean atDefault = level == database.info().defaultIsolation() || fixedLevel;
          if (stress.enabled() && (atDefault || !stressAtDefaultOnly)) {
            results.add(stress(scenario, strategy.name(), level, stress));
          }
        }
      }
    }
    return results;
  }

  /** One deterministic run; never throws for database trouble (status ERROR instead). */
  public RunResult deterministic(ScenarioSpec scenario, String strategy, Isolation level) {
    String skip = skipReason(scenario.name(), strategy, level);
    if (skip != null) {
      return result(scenario, strategy, level, RunStatus.SKIPPED, List.of(), skip, 0);
    }
    long started = System.nanoTime();
    try {
      Map<String, Long> counts = switch (scenario.name()) {
        case "get-or-create-unique" -> runs.getOrCreate(strategy, level, true);
        case "get-or-create-no-unique" -> runs.getOrCreate(strategy, level, false);
        case "transfer" -> runs.transfer(strategy, level);
        case "update-or-create" -> runs.updateOrCreate(strategy, level);
        case "critical-section" -> runs.criticalSection(strategy, level);
        default -> null;
      };
      if (counts == null) {
        return result(scenario, strategy, level, RunStatus.SKIPPED, List.of(),
            "the deterministic runner for this scenario is not written yet", 0);
      }
      return result(scenario, strategy, level, RunStatus.OK, Grader.observe(scenario, counts),
          runs.takeUnexpected(), started);
    } catch (SQLException e) {
      return result(scenario, strategy, level, RunStatus.ERROR, List.of(),
          e.getMessage(), started);
    } catch (InterleavingTimeoutError e) {
      return result(scenario, strategy, level, RunStatus.TIMEOUT, List.of(),
          "the interleaving did not finish in time", started);
    }
  }

  /** One stress run; never throws for database trouble (status ERROR instead). */
  public RunResult stress(ScenarioSpec scenario, String strategy, Isolation level,
      StressSettings settings) {
    String skip = skipReason(scenario.name(), strategy, level);
    if (skip != null) {
      return stressResult(scenario, strategy, level, RunStatus.SKIPPED, List.of(), null, skip,
          0);
    }
    long started = System.nanoTime();
    try {
      StressRun.Measured measured = new StressRun(database, progress).run(scenario, strategy,
          level, settings, database.label() + " " + scenario.name() + " / " + strategy);
      return stressResult(scenario, strategy, level, RunStatus.OK,
          Grader.observe(scenario, measured.counts()), measured.opsPerSecond(),
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

  private RunResult stressResult(ScenarioSpec scenario, String strategy, Isolation level,
      RunStatus status, List<Observation> observations, Double opsPerSecond, String message,
      long started) {
    long elapsed = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
    return new RunResult(RunResult.SCENARIO, database.label(), scenario.name(), strategy, null,
        level, RunResult.STRESS, status,
        status == RunStatus.OK ? Grader.grade(observations) : null, null, observations,
        opsPerSecond, List.of(), message, elapsed);
  }

  private List<Isolation> levelsFor(String strategy, List<Isolation> requested) {
    return switch (strategy) {
      case "read-committed" -> List.of(Isolation.READ_COMMITTED);
      case "serializable-retry" -> List.of(Isolation.SERIALIZABLE);
      default -> requested;
    };
  }

  private String skipReason(String scenario, String strategy, Isolation level) {
    Engine engine = database.engine();
    if (!engine.offers(level)) {
      return engine.displayName() + " does not offer " + level;
    }
    if (Catalog.RACEFREE.equals(strategy) && LibraryStrategy.unavailableReason(scenario) != null) {
      return LibraryStrategy.unavailableReason(scenario);
    }
    if (strategy.startsWith("select-for-update") && engine == Engine.SQLITE) {
      return "SQLite has no SELECT ... FOR UPDATE";
    }
    if ("named-lock".equals(strategy) && (engine == Engine.SQLITE || engine == Engine.H2)) {
      return engine.displayName() + " has no named locks";
    }
    if ("table-lock".equals(strategy) && database.info().cluster() != null) {
      return "LOCK TABLES on a Galera cluster does not stop other nodes' writes and can wedge a node"
          + " (a COMMIT stuck in 'Freeing items' in this lab's first cluster run); not run";
    }
    if ("table-lock".equals(strategy) && !TableLock.supported(engine)) {
      return engine.displayName() + " has no table lock statement";
    }
    return null;
  }

  private RunResult result(ScenarioSpec scenario, String strategy, Isolation level,
      RunStatus status, List<Observation> observations, String message, long started) {
    long elapsed = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
    return new RunResult(RunResult.SCENARIO, database.label(), scenario.name(), strategy, null,
        level, RunResult.DETERMINISTIC, status,
        status == RunStatus.OK ? Grader.grade(observations) : null, null, observations, null,
        List.of(), message, elapsed);
  }
}
