package io.racefree.lab.probe;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.TranscriptLine;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link ProbeVariant} in its global order, each statement on its session's thread. After
 * each statement it waits until every session is either idle or seen waiting on a lock (polling
 * the server's lock view; SQLite statements end by themselves with SQLITE_BUSY), then goes on with
 * the next statement. A statement for a waiting session queues behind it.
 *
 * <p>Not thread-safe: one run per instance.
 */
final class ScriptRunner {
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

  private final LabDatabase database;
  private final Isolation isolation;
  private final AtomicInteger currentStep = new AtomicInteger();
  private final List<Submitted> submitted = new ArrayList<>();

  ScriptRunner(LabDatabase database, Isolation isolation) {
    this.database = database;
    this.isolation = isolation;
  }

  /** Sets up the table, runs the script, reads the final state and judges it. */
  VariantResult run(ProbeVariant variant) throws SQLException, InterruptedException {
    database.execute("DROP TABLE IF EXISTS test",
        "CREATE TABLE test (id INT PRIMARY KEY, value INT)",
        "INSERT INTO test (id, value) VALUES (1, 10), (2, 20)");
    List<ProbeSession> sessions = new ArrayList<>();
    boolean settled = true;
    try {
      for (int i = 0; i < variant.sessions(); i++) {
        sessions.add(ProbeSession.open("T" + (i + 1), database, isolation));
      }
      for (ProbeStep step : variant.steps()) {
        currentStep.incrementAndGet();
        ProbeSession session = sessions.get(step.session());
        submitted.add(new Submitted(currentStep.get(), step, session,
            session.submit(step, currentStep::get)));
        settled = settled && awaitSettled(false);
      }
      settled = settled && awaitSettled(true);
    } finally {
      sessions.forEach(ProbeSession::close);
    }
    List<long[]> finalRows = database.query("SELECT id, value FROM test ORDER BY id");
    return judge(variant, finalRows, settled);
  }

  /** Waits until every session is idle or waiting on a lock; {@code drain} waits for idle. */
  private boolean awaitSettled(boolean drain) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (true) {
      if (allSettled(drain)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5); // polling the server's lock view, not ordering the sessions
    }
  }

  private boolean allSettled(boolean drain) {
    Map<ProbeSession, Boolean> headWaiting = new HashMap<>();
    for (Submitted entry : submitted) {
      if (entry.future().isDone()) {
        continue;
      }
      Boolean waiting = headWaiting.get(entry.session());
      if (waiting == null) {
        waiting = database.isWaiting(entry.session().probe());
        headWaiting.put(entry.session(), waiting);
        entry.markBlocked(waiting);
      }
      if (drain || !waiting) {
        return false;
      }
    }
    return true;
  }

  private VariantResult judge(ProbeVariant variant, List<long[]> finalRows, boolean settled) {
    Map<String, StepResult> byLabel = new HashMap<>();
    Map<Integer, Boolean> failed = new HashMap<>();
    List<TranscriptLine> transcript = new ArrayList<>();
    for (Submitted entry : submitted) {
      ProbeSession.StepOutcome outcome = entry.future().getNow(null);
      StepResult result = outcome == null ? new StepResult(null, -1, "did not complete", "-")
          : outcome.result();
      if (entry.step().label() != null) {
        byLabel.put(entry.step().label(), result);
      }
      failed.merge(entry.step().session(), result.failed(), Boolean::logicalOr);
      transcript.add(new TranscriptLine(entry.number(), variant.name(), entry.session().name(),
          entry.step().sql(), result.describe(), entry.blocked(),
          outcome == null ? -1 : outcome.completedAfterStep()));
    }
    Seen seen = new Seen(byLabel, failed, finalRows);
    boolean anomaly = settled && variant.isAnomaly(seen);
    boolean blocked = submitted.stream().anyMatch(Submitted::blocked);
    return new VariantResult(variant.name(), settled, anomaly, blocked, seen.anyFailed(),
        transcript);
  }

  /** A submitted statement, with what the runner saw of it while it ran. */
  private static final class Submitted {
    private final int number;
    private final ProbeStep step;
    private final ProbeSession session;
    private final CompletableFuture<ProbeSession.StepOutcome> future;
    private boolean blocked;

    Submitted(int number, ProbeStep step, ProbeSession session,
        CompletableFuture<ProbeSession.StepOutcome> future) {
      this.number = number;
      this.step = step;
      this.session = session;
      this.future = future;
    }

    int number() {
      return number;
    }

    ProbeStep step() {
      return step;
    }

    ProbeSession session() {
      return session;
    }

    CompletableFuture<ProbeSession.StepOutcome> future() {
      return future;
    }

    boolean blocked() {
      return blocked;
    }

    void markBlocked(boolean waiting) {
      blocked |= waiting;
    }
  }

  /** The outcome of one variant: whether it settled, showed the anomaly, blocked or aborted. */
  record VariantResult(String variant, boolean settled, boolean anomaly, boolean blocked,
      boolean aborted, List<TranscriptLine> transcript) {}
}
