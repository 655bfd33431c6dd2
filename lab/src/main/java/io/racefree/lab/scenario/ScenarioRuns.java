package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every scenario run shares: the tail that ends a failed strategy call ({@link #guarded}),
 * the two callers of a deterministic race on the lab's database, and the counting of what
 * reached those callers.
 *
 * <p>Not thread-safe: one deterministic run at a time per instance ({@link #guarded} is
 * stateless and thread-safe).
 */
final class ScenarioRuns {
  private final LabDatabase database;
  private String unexpected;

  ScenarioRuns(LabDatabase database) {
    this.database = database;
  }

  /** One strategy's call of a scenario; its SQL errors are named by {@link #guarded}. */
  interface StrategyCall<T> {
    T run() throws SQLException, CallerFailure, InterruptedException;
  }

  /**
   * Runs a strategy's call and, when it fails, ends whatever transaction it left open (the
   * table-lock strategy's way, which also unlocks MariaDB's tables) and throws the error as the
   * observation it becomes. The strategies themselves need no rollback of their own.
   */
  static <T> T guarded(Strategy strategy, Actor actor, StrategyCall<T> call)
      throws CallerFailure, InterruptedException {
    try {
      return call.run();
    } catch (SQLException e) {
      rollbackQuietly(strategy, actor);
      throw actor.failure(e);
    } catch (CallerFailure | RuntimeException e) {
      rollbackQuietly(strategy, actor);
      throw e;
    }
  }

  private static void rollbackQuietly(Strategy strategy, Actor actor) {
    if (strategy == Strategy.TABLE_LOCK) {
      TableLock.rollbackQuietly(actor);
    } else {
      actor.rollbackQuietly();
    }
  }

  LabDatabase database() {
    return database;
  }

  /** Two callers on fresh sessions of the lab's database at {@code isolation}. */
  TwoCallers callers(Isolation isolation) {
    return new TwoCallers(database, isolation);
  }

  /**
   * Counts what reached the callers, by observation name, and the competitor steps the engine
   * serialized behind the first caller; keeps the first error no outcome expects for the message.
   */
  Map<String, Long> failures(List<CallResult> results, TwoCallers callers) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (callers.serializedByEngine() > 0) {
      counts.put(Outcomes.SERIALIZED_BY_ENGINE, (long) callers.serializedByEngine());
    }
    results.stream().filter(result -> !result.succeeded()).forEach(result -> {
      counts.merge(result.failure(), 1L, Long::sum);
      if (Outcomes.OTHER_ERROR.equals(result.failure()) && unexpected == null) {
        unexpected = result.detail();
      }
    });
    return counts;
  }

  /** The first error no outcome expects, from the last run, for the run's message. */
  String takeUnexpected() {
    String detail = unexpected;
    unexpected = null;
    return detail;
  }
}
