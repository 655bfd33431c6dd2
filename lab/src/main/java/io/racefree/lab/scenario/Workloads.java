package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Outcomes;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The stress workloads: table setup, one operation, and the invariant check at the end. Keys come
 * from a small window that moves every 20 ms of wall-clock time, so every thread and every worker
 * process races on the same few new keys at the same moment.
 *
 * <p>Stateless and thread-safe.
 */
final class Workloads {
  static final int ACCOUNTS = 4;
  static final long OPENING_BALANCE = 1000;
  private static final int KEYS = 3;

  private Workloads() {}

  static void setUp(LabDatabase database, String scenario) throws SQLException {
    switch (scenario) {
      case "get-or-create-unique", "get-or-create-no-unique" -> database.execute(
          "DROP TABLE IF EXISTS goc", "CREATE TABLE goc (k BIGINT NOT NULL"
              + (scenario.endsWith("-unique") && !scenario.contains("no-") ? " UNIQUE" : "")
              + ", v INT)");
      case "update-or-create" -> database.execute("DROP TABLE IF EXISTS uoc",
          "CREATE TABLE uoc (k BIGINT NOT NULL UNIQUE, v INT, w INT NOT NULL,"
              + " version INT NOT NULL)");
      case "transfer" -> {
        database.execute("DROP TABLE IF EXISTS accounts", "CREATE TABLE accounts (id INT"
            + " PRIMARY KEY, balance INT NOT NULL, version INT NOT NULL)");
        for (int id = 1; id <= ACCOUNTS; id++) {
          database.execute("INSERT INTO accounts (id, balance, version) VALUES (" + id + ", "
              + OPENING_BALANCE + ", 0)");
        }
      }
      case "critical-section" -> database.execute("DROP TABLE IF EXISTS mutex",
          "CREATE TABLE mutex (id INT PRIMARY KEY, note INT NOT NULL)",
          "INSERT INTO mutex (id, note) VALUES (1, 0)");
      default -> throw new IllegalArgumentException(scenario);
    }
  }

  /** The critical section's room for a run, with a lock name no other workspace uses. */
  static CriticalSection.Room room(LabDatabase database) {
    return new CriticalSection.Room("racefree_lab_" + database.workspace());
  }

  /**
   * One call; returns the tally of that call alone. {@code room} counts who is inside the critical
   * section among this process's threads.
   */
  static StressTally operate(String scenario, String strategy, Actor actor, SplittableRandom random,
      CriticalSection.Room room) throws InterruptedException {
    long key = System.currentTimeMillis() / 20 * KEYS + random.nextInt(KEYS);
    try {
      return switch (scenario) {
        case "get-or-create-unique", "get-or-create-no-unique" -> tally(
            GetOrCreate.run(strategy, actor, key, Pause.NONE) ? 1 : 0, 0, null);
        case "update-or-create" -> updateOrIncrement(strategy, actor, key, random);
        case "transfer" -> transfer(strategy, actor, random);
        case "critical-section" -> CriticalSection.run(strategy, actor, room, Pause.NONE)
            ? new StressTally(1, Map.of(Outcomes.HELD_TWICE, 1L), 0, 0, new long[ACCOUNTS + 1], null)
            : tally(0, 0, null);
        default -> throw new IllegalArgumentException(scenario);
      };
    } catch (CallerFailure failure) {
      String detail = Outcomes.OTHER_ERROR.equals(failure.observation())
          ? CallResult.failed(failure.observation(), failure.getCause()).detail() : null;
      return new StressTally(0, Map.of(failure.observation(), 1L), 0, 0, new long[ACCOUNTS + 1],
          detail);
    }
  }

  private static StressTally updateOrIncrement(String strategy, Actor actor, long key,
      SplittableRandom random) throws CallerFailure, InterruptedException {
    if (random.nextBoolean()) {
      UpdateOrCreate.run(strategy, actor, key, random.nextInt(1000), Pause.NONE);
      return tally(0, 0, null);
    }
    try {
      int updated =
          actor.update("UPDATE uoc SET w = w + 1, version = version + 1 WHERE k = ?", key);
      return tally(0, updated, null);
    } catch (SQLException e) {
      return tally(0, 0, null); // the competitor's own error is not the strategy's
    }
  }

  private static StressTally transfer(String strategy, Actor actor, SplittableRandom random)
      throws CallerFailure, InterruptedException {
    int from = 1 + random.nextInt(ACCOUNTS);
    int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
    int amount = 1 + random.nextInt(10);
    Transfer.run(strategy, actor, from, to, amount, Pause.NONE);
    long[] net = new long[ACCOUNTS + 1];
    net[from] -= amount;
    net[to] += amount;
    return tally(0, 0, net);
  }

  private static StressTally tally(long created, long increments, long[] net) {
    return new StressTally(1, Map.of(), created, increments,
        net == null ? new long[ACCOUNTS + 1] : net, null);
  }

  /** Compares the tables with what the callers were told, as named observation counts. */
  static Map<String, Long> verify(LabDatabase database, String scenario, StressTally tally)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>(tally.failures());
    switch (scenario) {
      case "get-or-create-unique", "get-or-create-no-unique" -> {
        List<long[]> perKey = database.query("SELECT k, COUNT(*) FROM goc GROUP BY k");
        long duplicates = perKey.stream().mapToLong(row -> row[1] - 1).sum();
        put(counts, Outcomes.DUPLICATE_ROWS, duplicates);
        put(counts, Outcomes.CREATED_FLAG_WRONG, Math.abs(tally.created() - perKey.size()));
        put(counts, Outcomes.ONE_ROW, tally.completed());
      }
      case "update-or-create" -> {
        long sum = database.query("SELECT COALESCE(SUM(w), 0) FROM uoc").get(0)[0];
        put(counts, Outcomes.LOST_UPDATE, tally.increments() - sum);
        put(counts, Outcomes.NO_LOST_UPDATE, tally.completed());
      }
      case "transfer" -> verifyTransfers(database, tally, counts);
      case "critical-section" -> put(counts, Outcomes.ONE_HOLDER,
          tally.completed() - tally.failures().getOrDefault(Outcomes.HELD_TWICE, 0L));
      default -> throw new IllegalArgumentException(scenario);
    }
    return counts;
  }

  private static void verifyTransfers(LabDatabase database, StressTally tally,
      Map<String, Long> counts) throws SQLException {
    List<long[]> rows = database.query("SELECT id, balance FROM accounts ORDER BY id");
    long total = rows.stream().mapToLong(row -> row[1]).sum();
    long wrong = rows.stream()
        .filter(row -> row[1] != OPENING_BALANCE + tally.netChange()[(int) row[0]]).count();
    put(counts, Outcomes.MONEY_CREATED_OR_DESTROYED,
        total == ACCOUNTS * OPENING_BALANCE ? 0 : 1);
    put(counts, Outcomes.LOST_UPDATE, wrong);
    put(counts, Outcomes.BALANCED, tally.completed());
  }

  private static void put(Map<String, Long> counts, String name, long count) {
    if (count > 0) {
      counts.merge(name, count, Long::sum);
    }
  }
}
