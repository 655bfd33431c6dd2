package io.racefree.lab.scenario;

import static io.racefree.lab.model.Outcome.acceptable;
import static io.racefree.lab.model.Outcome.forbidden;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcome;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Get-or-create of one key, with a unique constraint ({@code get-or-create-unique}) or without
 * ({@code get-or-create-no-unique}), on table {@code goc (k, v)}: T1 reads (miss), T2 runs the
 * whole get-or-create, T1 goes on with its create path.
 *
 * <p>Immutable and thread-safe.
 */
final class GetOrCreateScenario extends Scenario {
  /**
   * They only change what happens after a duplicate key, which needs a unique key; the floor's
   * upsert needs one too.
   */
  private static final Set<Strategy> ONLY_WITH_A_UNIQUE_KEY =
      EnumSet.of(Strategy.COMMIT_THEN_GET, Strategy.SAVEPOINT_BEFORE_READ, Strategy.FLOOR);

  private static final Outcome ONE_ROW =
      acceptable(Outcomes.ONE_ROW, "one row; every caller got it, exactly one reported created");
  private static final Outcome DUPLICATE_ROWS = forbidden(Outcomes.DUPLICATE_ROWS,
      "two rows for one key (what the thread on multiple processes ran into)");
  private static final Outcome CREATED_FLAG_WRONG =
      forbidden(Outcomes.CREATED_FLAG_WRONG, "both callers, or neither, reported created");
  private static final Outcome NOT_FOUND_AFTER_DUPLICATE_KEY = forbidden(
      Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY, "the insert hit a duplicate key, then the re-read"
          + " did not see the row: the snapshot hides it (the IntegrityError-then-DoesNotExist"
          + " the Django threads report)");
  private static final Outcome DUPLICATE_KEY_ERROR = forbidden(Outcomes.DUPLICATE_KEY_ERROR,
      "the duplicate-key error reached the caller");

  private final boolean uniqueKey;

  GetOrCreateScenario(boolean uniqueKey) {
    super(uniqueKey ? "get-or-create-unique" : "get-or-create-no-unique",
        uniqueKey ? List.of("000", "001", "003") : List.of("002"),
        uniqueKey
            ? "get-or-create of one key with a unique constraint; T1 reads (miss), T2 creates and"
                + " commits, T1 goes on with its create path"
            : "get-or-create of one key without a unique constraint (the Django users group"
                + " thread on prefork servers); T1 reads (miss), T2 creates and commits, T1"
                + " creates",
        uniqueKey
            ? Outcomes.declare(ONE_ROW, DUPLICATE_ROWS, CREATED_FLAG_WRONG,
                NOT_FOUND_AFTER_DUPLICATE_KEY, DUPLICATE_KEY_ERROR)
            : Outcomes.declare(ONE_ROW, DUPLICATE_ROWS, CREATED_FLAG_WRONG),
        strategies(uniqueKey));
    this.uniqueKey = uniqueKey;
  }

  private static Set<Strategy> strategies(boolean uniqueKey) {
    Set<Strategy> strategies = EnumSet.copyOf(GetOrCreate.strategies());
    if (!uniqueKey) {
      strategies.removeAll(ONLY_WITH_A_UNIQUE_KEY);
    }
    return strategies;
  }

  @Override
  Map<String, Long> race(ScenarioRuns runs, Strategy strategy, Isolation isolation)
      throws SQLException {
    LabDatabase database = runs.database();
    database.execute("DROP TABLE IF EXISTS goc",
        "CREATE TABLE goc (k INT NOT NULL" + (uniqueKey ? " UNIQUE" : "") + ", v INT)");
    TwoCallers.Body body = (actor, pause) ->
        CallResult.ok(GetOrCreate.run(strategy, actor, 1, pause));
    TwoCallers callers = runs.callers(isolation);
    List<CallResult> results = callers.race(body, body);
    long rows = database.query("SELECT COUNT(*) FROM goc WHERE k = 1").get(0)[0];
    Map<String, Long> counts = runs.failures(results, callers);
    long created = results.stream().filter(CallResult::created).count();
    if (rows > 1) {
      counts.put(Outcomes.DUPLICATE_ROWS, rows - 1);
    } else if (rows == 1 && created > 1) {
      counts.put(Outcomes.CREATED_FLAG_WRONG, 1L);
    } else if (rows == 1) {
      counts.put(Outcomes.ONE_ROW, 1L);
    }
    return counts;
  }

  @Override
  void prepareStress(LabDatabase database) throws SQLException {
    database.execute("DROP TABLE IF EXISTS goc",
        "CREATE TABLE goc (k BIGINT NOT NULL" + (uniqueKey ? " UNIQUE" : "") + ", v INT)");
  }

  @Override
  StressTally operate(Strategy strategy, Actor actor, Isolation level, long key,
      SplittableRandom random, CriticalSection.Room room)
      throws CallerFailure, InterruptedException {
    return StressTally.call(GetOrCreate.stress(strategy, actor, key, level) ? 1 : 0, 0, null);
  }

  @Override
  void verify(LabDatabase database, StressTally tally, Map<String, Long> counts)
      throws SQLException {
    List<long[]> perKey = database.query("SELECT k, COUNT(*) FROM goc GROUP BY k");
    long duplicates = perKey.stream().mapToLong(row -> row[1] - 1).sum();
    Workloads.put(counts, Outcomes.DUPLICATE_ROWS, duplicates);
    Workloads.put(counts, Outcomes.CREATED_FLAG_WRONG, Math.abs(tally.created() - perKey.size()));
    Workloads.put(counts, Outcomes.ONE_ROW, tally.completed());
  }
}
