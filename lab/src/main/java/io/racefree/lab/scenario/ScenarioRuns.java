package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic runs of each scenario: fresh tables, the seed's interleaving of two callers,
 * then counts of named observations from what the callers got and what the tables hold.
 *
 * <p>Not thread-safe: one run at a time per instance.
 */
final class ScenarioRuns {
  private final LabDatabase database;
  private String unexpected;

  ScenarioRuns(LabDatabase database) {
    this.database = database;
  }

  Map<String, Long> getOrCreate(String strategy, Isolation isolation, boolean unique)
      throws SQLException {
    database.execute("DROP TABLE IF EXISTS goc",
        "CREATE TABLE goc (k INT NOT NULL" + (unique ? " UNIQUE" : "") + ", v INT)");
    TwoCallers.Body body = (actor, pause) ->
        CallResult.ok(GetOrCreate.run(strategy, actor, 1, pause));
    TwoCallers callers = new TwoCallers(database, isolation);
    List<CallResult> results = callers.race(body, body);
    long rows = database.query("SELECT COUNT(*) FROM goc WHERE k = 1").get(0)[0];
    Map<String, Long> counts = failures(results, callers);
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

  /**
   * Seed 004: T1's get misses; a competitor creates the row; T1's create hits the duplicate and
   * re-reads; the competitor updates another column ({@code w = 99}); T1 saves the whole row.
   */
  Map<String, Long> updateOrCreate(String strategy, Isolation isolation) throws SQLException {
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
    TwoCallers callers = new TwoCallers(database, isolation);
    List<CallResult> results = callers.race(
        (actor, pause) -> CallResult.ok(UpdateOrCreate.run(strategy, actor, 1, 7, pause)),
        List.of(create, otherColumn));
    List<long[]> rows = database.query("SELECT w, v FROM uoc WHERE k = 1");
    // Only T1 runs the strategy; the competitor's own errors are not the caller's.
    Map<String, Long> counts = failures(results.subList(0, 1), callers);
    if (rows.size() > 1) {
      counts.put(Outcomes.DUPLICATE_ROWS, rows.size() - 1L);
    } else if (results.get(2).succeeded() && rows.get(0)[0] != 99) {
      counts.put(Outcomes.LOST_UPDATE, 1L);
    } else {
      counts.put(Outcomes.NO_LOST_UPDATE, 1L);
    }
    return counts;
  }

  Map<String, Long> transfer(String strategy, Isolation isolation) throws SQLException {
    database.execute("DROP TABLE IF EXISTS accounts",
        "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL, version INT NOT NULL)",
        "INSERT INTO accounts (id, balance, version) VALUES (1, 100, 0), (2, 100, 0)");
    TwoCallers callers = new TwoCallers(database, isolation);
    List<CallResult> results = callers.race(
        (actor, pause) -> transfer(strategy, actor, 1, 2, 10, pause),
        (actor, pause) -> transfer(strategy, actor, 2, 1, 30, pause));
    List<long[]> rows = database.query("SELECT id, balance FROM accounts ORDER BY id");
    long first = 100 - (results.get(0).succeeded() ? 10 : 0)
        + (results.get(1).succeeded() ? 30 : 0);
    Map<String, Long> counts = failures(results, callers);
    long a = rows.get(0)[1];
    long b = rows.get(1)[1];
    if (a == first && b == 200 - first) {
      counts.put(Outcomes.BALANCED, 1L);
    } else if (a + b != 200) {
      counts.put(Outcomes.MONEY_CREATED_OR_DESTROYED, 1L);
    } else {
      counts.put(Outcomes.LOST_UPDATE, 1L);
    }
    return counts;
  }

  /**
   * T1 takes the lock and starts the job; T2 tries to take the same lock and run the job (it
   * should wait until T1 has finished).
   */
  Map<String, Long> criticalSection(String strategy, Isolation isolation) throws SQLException {
    Workloads.setUp(database, "critical-section");
    CriticalSection.Room room = Workloads.room(database);
    TwoCallers.Body body = (actor, pause) -> CallResult.ok(CriticalSection.run(strategy, actor, room, pause));
    TwoCallers callers = new TwoCallers(database, isolation);
    List<CallResult> results = callers.race(body, body);
    Map<String, Long> counts = failures(results, callers);
    counts.put(room.overlaps() > 0 ? Outcomes.HELD_TWICE : Outcomes.ONE_HOLDER,
        Math.max(1, room.overlaps()));
    return counts;
  }

  private static CallResult transfer(String strategy, Actor actor, long from, long to,
      long amount, Pause pause) throws CallerFailure, InterruptedException {
    Transfer.run(strategy, actor, from, to, amount, pause);
    return CallResult.ok(false);
  }

  private Map<String, Long> failures(List<CallResult> results, TwoCallers callers) {
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
