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
 * Two transfers between the same accounts in opposite directions, on table {@code accounts (id,
 * balance, version)}: T1 moves 10 from account 1 to 2 and pauses after its first row, T2 moves
 * 30 from 2 to 1.
 *
 * <p>Immutable and thread-safe.
 */
final class TransferScenario extends Scenario {
  /** Accounts of a stress run, each opened with {@link #OPENING_BALANCE}. */
  static final int ACCOUNTS = 4;
  private static final long OPENING_BALANCE = 1000;

  TransferScenario() {
    super("transfer", List.of("002"),
        "two transfers between the same accounts in opposite directions: read both balances,"
            + " write both",
        Outcomes.declare(
            acceptable(Outcomes.BALANCED,
                "the balances are exactly the sum of the committed transfers"),
            forbidden(Outcomes.LOST_UPDATE, "a committed transfer vanished from the balances"),
            forbidden(Outcomes.MONEY_CREATED_OR_DESTROYED, "the sum of all balances changed")),
        Transfer.strategies());
  }

  @Override
  Map<String, Long> race(ScenarioRuns runs, Strategy strategy, Isolation isolation)
      throws SQLException {
    LabDatabase database = runs.database();
    database.execute("DROP TABLE IF EXISTS accounts",
        "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL, version INT NOT NULL)",
        "INSERT INTO accounts (id, balance, version) VALUES (1, 100, 0), (2, 100, 0)");
    TwoCallers callers = runs.callers(isolation);
    List<CallResult> results = callers.race(
        (actor, pause) -> transfer(strategy, actor, 1, 2, 10, pause),
        (actor, pause) -> transfer(strategy, actor, 2, 1, 30, pause));
    List<long[]> rows = database.query("SELECT id, balance FROM accounts ORDER BY id");
    long first = 100 - (results.get(0).succeeded() ? 10 : 0)
        + (results.get(1).succeeded() ? 30 : 0);
    Map<String, Long> counts = runs.failures(results, callers);
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

  private static CallResult transfer(Strategy strategy, Actor actor, long from, long to,
      long amount, Pause pause) throws CallerFailure, InterruptedException {
    Transfer.run(strategy, actor, from, to, amount, pause);
    return CallResult.ok(false);
  }

  @Override
  void prepareStress(LabDatabase database) throws SQLException {
    database.execute("DROP TABLE IF EXISTS accounts", "CREATE TABLE accounts (id INT"
        + " PRIMARY KEY, balance INT NOT NULL, version INT NOT NULL)");
    for (int id = 1; id <= ACCOUNTS; id++) {
      database.execute("INSERT INTO accounts (id, balance, version) VALUES (" + id + ", "
          + OPENING_BALANCE + ", 0)");
    }
  }

  /** A random amount between two random accounts; the key window plays no part. */
  @Override
  StressTally operate(Strategy strategy, Actor actor, Isolation level, long key,
      SplittableRandom random, CriticalSection.Room room)
      throws CallerFailure, InterruptedException {
    int from = 1 + random.nextInt(ACCOUNTS);
    int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
    int amount = 1 + random.nextInt(10);
    long[] net = new long[ACCOUNTS + 1];
    if (Transfer.stress(strategy, actor, from, to, amount, level)) {
      net[from] -= amount;
      net[to] += amount;
    }
    return StressTally.call(0, 0, net);
  }

  @Override
  void verify(LabDatabase database, StressTally tally, Map<String, Long> counts)
      throws SQLException {
    List<long[]> rows = database.query("SELECT id, balance FROM accounts ORDER BY id");
    long total = rows.stream().mapToLong(row -> row[1]).sum();
    long wrong = rows.stream()
        .filter(row -> row[1] != OPENING_BALANCE + tally.netChange()[(int) row[0]]).count();
    Workloads.put(counts, Outcomes.MONEY_CREATED_OR_DESTROYED,
        total == ACCOUNTS * OPENING_BALANCE ? 0 : 1);
    Workloads.put(counts, Outcomes.LOST_UPDATE, wrong);
    Workloads.put(counts, Outcomes.BALANCED, tally.completed());
  }
}
