package io.racefree.lab.scenario;

import static io.racefree.lab.model.Outcome.acceptable;
import static io.racefree.lab.model.Outcome.forbidden;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Update-or-create racing a create and a concurrent update of another column (Django ticket
 * #29499), on table {@code uoc (k, v, w, version)}: T1's get misses; a competitor creates the
 * row; T1's create hits the duplicate and re-reads; the competitor sets {@code w = 99}; T1 saves
 * the whole row, as Django's {@code save()} does.
 *
 * <p>Immutable and thread-safe.
 */
final class UpdateOrCreateScenario extends Scenario {
  UpdateOrCreateScenario() {
    super("update-or-create", List.of("004"),
        "update-or-create racing a create and a concurrent update of another column (Django"
            + " ticket #29499)",
        Outcomes.declare(
            acceptable(Outcomes.NO_LOST_UPDATE, "one row, and the concurrent update survived"),
            forbidden(Outcomes.LOST_UPDATE, "a concurrent committed update was overwritten with"
                + " stale values (Django ticket #29499)"),
            forbidden(Outcomes.DUPLICATE_ROWS, "two rows for one key"),
            forbidden(Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY,
                "duplicate key, then the re-read missed"),
            forbidden(Outcomes.DUPLICATE_KEY_ERROR, "the duplicate-key error reached the caller")),
        UpdateOrCreate.strategies());
  }

  @Override
  Map<String, Long> race(ScenarioRuns runs, Strategy strategy, Isolation isolation)
      throws SQLException {
    LabDatabase database = runs.database();
    database.execute("DROP TABLE IF EXISTS uoc", "CREATE TABLE uoc (k INT NOT NULL UNIQUE,"
        + " v INT, w INT NOT NULL, version INT NOT NULL)");
    TwoCallers.Body create = (actor, pause) -> {
      try {
        actor.update("INSERT INTO uoc (k, v, w, version) VALUES (1, 0, 0, 0)");
      } catch (SQLException e) {
        if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
          throw e;
        }
      }
      return CallResult.ok(true);
    };
    TwoCallers.Body otherColumn = (actor, pause) -> {
      actor.update("UPDATE uoc SET w = 99, version = version + 1 WHERE k = 1");
      return CallResult.ok(false);
    };
    TwoCallers callers = runs.callers(isolation);
    List<CallResult> results = callers.race(
        (actor, pause) -> CallResult.ok(UpdateOrCreate.run(strategy, actor, 1, 7, pause)),
        List.of(create, otherColumn));
    List<long[]> rows = database.query("SELECT w, v FROM uoc WHERE k = 1");
    // Only T1 runs the strategy; the competitor's own errors are not the caller's.
    Map<String, Long> counts = runs.failures(results.subList(0, 1), callers);
    if (rows.size() > 1) {
      counts.put(Outcomes.DUPLICATE_ROWS, rows.size() - 1L);
    } else if (results.get(2).succeeded() && rows.get(0)[0] != 99) {
      counts.put(Outcomes.LOST_UPDATE, 1L);
    } else {
      counts.put(Outcomes.NO_LOST_UPDATE, 1L);
    }
    return counts;
  }

  @Override
  void prepareStress(LabDatabase database) throws SQLException {
    database.execute("DROP TABLE IF EXISTS uoc", "CREATE TABLE uoc (k BIGINT NOT NULL UNIQUE,"
        + " v INT, w INT NOT NULL, version INT NOT NULL)");
  }

  /** Half the calls update-or-create, half increment {@code w}, whose sum must match after. */
  @Override
  StressTally operate(Strategy strategy, Actor actor, Isolation level, long key,
      SplittableRandom random, CriticalSection.Room room)
      throws CallerFailure, InterruptedException {
    if (random.nextBoolean()) {
      UpdateOrCreate.stress(strategy, actor, key, random.nextInt(1000), level);
      return StressTally.call(0, 0, null);
    }
    try {
      int updated =
          actor.update("UPDATE uoc SET w = w + 1, version = version + 1 WHERE k = ?", key);
      return StressTally.call(0, updated, null);
    } catch (SQLException e) {
      return StressTally.call(0, 0, null); // the competitor's own error is not the strategy's
    }
  }

  @Override
  void verify(LabDatabase database, StressTally tally, Map<String, Long> counts)
      throws SQLException {
    long sum = database.query("SELECT COALESCE(SUM(w), 0) FROM uoc").get(0)[0];
    Workloads.put(counts, Outcomes.LOST_UPDATE, tally.increments() - sum);
    Workloads.put(counts, Outcomes.NO_LOST_UPDATE, tally.completed());
  }
}
