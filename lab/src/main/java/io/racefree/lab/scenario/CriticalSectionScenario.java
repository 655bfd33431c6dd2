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
 * A job only one caller may run at a time, on table {@code mutex (id, note)}: T1 takes the lock
 * and starts the job, then pauses; T2 tries to take the same lock and run the job (it should
 * wait until T1 has finished).
 *
 * <p>Immutable and thread-safe.
 */
final class CriticalSectionScenario extends Scenario {
  CriticalSectionScenario() {
    super("critical-section", List.of("002"),
        "a job only one caller may run at a time (a payout batch): T1 takes the lock and"
            + " starts the job, T2 tries to take the same lock and run the job too",
        Outcomes.declare(
            acceptable(Outcomes.ONE_HOLDER, "every caller ran the job alone: the lock kept the"
                + " other out until it was released"),
            forbidden(Outcomes.HELD_TWICE, "two callers held the lock and ran the job at the"
                + " same time (on a Galera cluster each node grants its own row locks and named"
                + " locks)")),
        CriticalSection.strategies());
  }

  @Override
  Map<String, Long> race(ScenarioRuns runs, Strategy strategy, Isolation isolation)
      throws SQLException {
    createMutex(runs.database());
    CriticalSection.Room room = Workloads.room(runs.database());
    TwoCallers.Body body = (actor, pause) ->
        CallResult.ok(CriticalSection.run(strategy, actor, room, pause));
    TwoCallers callers = runs.callers(isolation);
    List<CallResult> results = callers.race(body, body);
    Map<String, Long> counts = runs.failures(results, callers);
    counts.put(room.overlaps() > 0 ? Outcomes.HELD_TWICE : Outcomes.ONE_HOLDER,
        Math.max(1, room.overlaps()));
    return counts;
  }

  @Override
  void prepareStress(LabDatabase database) throws SQLException {
    createMutex(database);
  }

  private static void createMutex(LabDatabase database) throws SQLException {
    database.execute("DROP TABLE IF EXISTS mutex",
        "CREATE TABLE mutex (id INT PRIMARY KEY, note INT NOT NULL)",
        "INSERT INTO mutex (id, note) VALUES (1, 0)");
  }

  @Override
  StressTally operate(Strategy strategy, Actor actor, Isolation level, long key,
      SplittableRandom random, CriticalSection.Room room)
      throws CallerFailure, InterruptedException {
    return CriticalSection.stress(strategy, actor, room, level)
        ? StressTally.call(Outcomes.HELD_TWICE) : StressTally.call(0, 0, null);
  }

  @Override
  void verify(LabDatabase database, StressTally tally, Map<String, Long> counts) {
    Workloads.put(counts, Outcomes.ONE_HOLDER,
        tally.completed() - tally.failures().getOrDefault(Outcomes.HELD_TWICE, 0L));
  }
}
