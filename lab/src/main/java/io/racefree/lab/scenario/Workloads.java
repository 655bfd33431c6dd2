package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every stress workload shares: keys come from a small window that moves every 20 ms of
 * wall-clock time, so every thread and every worker process races on the same few new keys at
 * the same moment; an error that reaches a caller becomes a failure in the tally; the invariant
 * check starts from those failures. Each {@link Scenario} brings its own call and check.
 *
 * <p>Stateless and thread-safe.
 */
final class Workloads {
  private static final int KEYS = 3;

  private Workloads() {}

  /** The critical section's room for a run, with a lock name no other workspace uses. */
  static CriticalSection.Room room(LabDatabase database) {
    return new CriticalSection.Room("racefree_lab_" + database.workspace());
  }

  /** One call; returns the tally of that call alone. */
  static StressTally operate(Scenario scenario, Strategy strategy, Actor actor, Isolation level,
      SplittableRandom random, CriticalSection.Room room) throws InterruptedException {
    long key = System.currentTimeMillis() / 20 * KEYS + random.nextInt(KEYS);
    try {
      return scenario.operate(strategy, actor, level, key, random, room);
    } catch (CallerFailure failure) {
      String detail = Outcomes.OTHER_ERROR.equals(failure.observation())
          ? CallResult.failed(failure.observation(), failure.getCause()).detail() : null;
      return StressTally.failed(failure.observation(), detail);
    }
  }

  /** Compares the tables with what the callers were told, as named observation counts. */
  static Map<String, Long> verify(LabDatabase database, Scenario scenario, StressTally tally)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>(tally.failures());
    scenario.verify(database, tally, counts);
    return counts;
  }

  /** Adds a positive count to {@code counts}. */
  static void put(Map<String, Long> counts, String name, long count) {
    if (count > 0) {
      counts.merge(name, count, Long::sum);
    }
  }
}
