package io.racefree.lab.report;

import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Environment;
import io.racefree.lab.model.Expect;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.Results;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.TranscriptLine;
import io.racefree.lab.model.Verdict;
import java.util.List;

/** A small results file with one run of each kind, for rendering and JSON tests. */
final class SampleResults {
  private SampleResults() {}

  static Results create() {
    DatabaseInfo db = new DatabaseInfo("mariadb", "jdbc:mariadb://127.0.0.1:3306/test",
        "MariaDB", "10.11.19-MariaDB", "MariaDB Connector/J", "3.5.11",
        Isolation.REPEATABLE_READ, null);
    Environment env = new Environment("0.1.0", "Java 17", "Linux", "2026-11-22T00:00:00Z", 42,
        4, 1, 2.0, List.of(db));
    RunResult scenario = new RunResult(RunResult.SCENARIO, "mariadb", "get-or-create-unique",
        "naive", null, Isolation.REPEATABLE_READ, RunResult.DETERMINISTIC, RunStatus.OK,
        Grade.FAILED, null, List.of(new Observation("not-found-after-duplicate-key", 1,
            Expect.FORBIDDEN, "the re-read missed <the row>")), null, List.of(), null, 12);
    RunResult stress = new RunResult(RunResult.SCENARIO, "mariadb", "transfer", "racefree",
        null, Isolation.READ_COMMITTED, RunResult.STRESS, RunStatus.OK, Grade.PASSED, null,
        List.of(new Observation("balanced", 1, Expect.ACCEPTABLE, "ok")), 1234.5, List.of(),
        null, 2000);
    RunResult probe = new RunResult(RunResult.PROBE, "mariadb", null, null, "P4",
        Isolation.REPEATABLE_READ, RunResult.DETERMINISTIC, RunStatus.OK, null, Verdict.ANOMALY,
        List.of(new Observation("lost update", 1, null, "anomaly")), null,
        List.of(new TranscriptLine(1, "lost update", "T1", "SELECT 1", "1 => 10", false, 1),
            new TranscriptLine(2, "lost update", "T2", "UPDATE test", "1 row", true, 3)),
        null, 40);
    return new Results(env, List.of(scenario, stress, probe));
  }

  /** The sample plus SQLite runs: one the engine serialized, one interesting, one skipped. */
  static Results withSqlite() {
    Results sample = create();
    DatabaseInfo sqlite = new DatabaseInfo("sqlite", "jdbc:sqlite:lab.db", "SQLite", "3.54.1",
        "SQLite JDBC", "3.54.1.0", Isolation.SERIALIZABLE, null);
    RunResult serialized = sqliteRun("racefree", RunStatus.OK, Grade.PASSED,
        List.of(new Observation("serialized-by-the-engine", 1, Expect.ACCEPTABLE, "waited"),
            new Observation("one-row", 1, Expect.ACCEPTABLE, "one row")));
    RunResult busy = sqliteRun("naive", RunStatus.OK, Grade.INTERESTING,
        List.of(new Observation("database-busy-reached-caller", 1, Expect.INTERESTING, "busy"),
            new Observation("one-row", 1, Expect.ACCEPTABLE, "one row")));
    RunResult skipped = sqliteRun("select-for-update", RunStatus.SKIPPED, null, List.of());
    List<DatabaseInfo> databases = new java.util.ArrayList<>(sample.environment().databases());
    databases.add(sqlite);
    Environment env = sample.environment();
    List<RunResult> runs = new java.util.ArrayList<>(sample.runs());
    runs.addAll(List.of(busy, skipped, serialized));
    return new Results(new Environment(env.racefreeVersion(), env.jvm(), env.os(),
        env.startedAt(), env.seed(), env.threads(), env.processes(), env.durationSeconds(),
        databases), runs);
  }

  /**
   * The sample plus stress runs of one scenario on MariaDB at READ COMMITTED: django, racefree,
   * its hard case and the floor, at 9,000, 4,500, 2,250 and 5,000 operations per second.
   */
  static Results withThroughput() {
    Results sample = create();
    List<RunResult> runs = new java.util.ArrayList<>(sample.runs());
    runs.add(stressRun("racefree-hard-case", 2250));
    runs.add(stressRun("django", 9000));
    runs.add(stressRun("racefree", 4500));
    runs.add(stressRun("floor", 5000));
    return new Results(sample.environment(), runs);
  }

  private static RunResult stressRun(String strategy, double opsPerSecond) {
    return new RunResult(RunResult.SCENARIO, "mariadb", "get-or-create-unique", strategy, null,
        Isolation.READ_COMMITTED, RunResult.STRESS, RunStatus.OK, Grade.PASSED, null,
        List.of(new Observation("one-row", 100, Expect.ACCEPTABLE, "one row")), opsPerSecond,
        List.of(), null, 2000);
  }

  private static RunResult sqliteRun(String strategy, RunStatus status, Grade grade,
      List<Observation> observations) {
    return new RunResult(RunResult.SCENARIO, "sqlite", "get-or-create-unique", strategy, null,
        Isolation.SERIALIZABLE, RunResult.DETERMINISTIC, status, grade, null, observations, null,
        List.of(), status == RunStatus.SKIPPED ? "SQLite has no SELECT ... FOR UPDATE" : null, 3);
  }
}
