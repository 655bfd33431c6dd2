package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcome;
import io.racefree.testing.SessionProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forces a scenario's interleaving of two callers with the testing kit's {@link Interleaving}: T1 runs
 * until its strategy's pause point (after its first read), then the competitor's next step runs
 * until it finishes or is seen waiting on a lock (polling the server's lock views; on SQLite until it finishes, since a
 * blocked SQLite writer ends with SQLITE_BUSY), then T1 goes on.
 *
 * <p>Not thread-safe: one race per instance.
 */
final class TwoCallers {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  /**
   * A SQLite step that failed BUSY after waiting at least this long (the lab's busy_timeout is 200
   * ms) waited behind T1's write lock; one that fails at once met a real SQLite deadlock.
   */
  private static final long BLOCKED_BEHIND_WRITER_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

  /** A caller's body: its strategy call with the pause it must honour. */
  interface Body {
    CallResult run(Actor actor, Pause pause) throws CallerFailure, SQLException,
        InterruptedException;
  }

  private final LabDatabase database;
  private final Isolation isolation;
  private final AtomicInteger serializedByEngine = new AtomicInteger();

  TwoCallers(LabDatabase database, Isolation isolation) {
    this.database = database;
    this.isolation = isolation;
  }

  List<CallResult> race(Body first, Body second) throws SQLException {
    return race(first, List.of(second));
  }

  /**
   * T1 runs {@code first}; its n-th pause releases the competitor's n-th step (all steps run on
   * one competitor connection, in order). Returns T1's result, then each step's.
   *
   * <p>On SQLite, which runs one writer at a time, a competitor step that waited behind T1's write
   * lock until SQLITE_BUSY did not meet a race: the forced interleaving cannot happen there. The
   * step runs again once T1 has finished, as a real caller with a longer busy timeout would have
   * waited, and {@link #serializedByEngine()} counts it.
   */
  List<CallResult> race(Body first, List<Body> competitorSteps) throws SQLException {
    int steps = competitorSteps.size();
    try (Connection one = open(); Connection two = open();
        Interleaving race = Interleaving.create(LIMIT)) {
      SessionProbe competitor = database.probe(two);
      List<CountDownLatch> done = new ArrayList<>();
      competitorSteps.forEach(step -> done.add(new CountDownLatch(1)));
      AtomicInteger pauses = new AtomicInteger();
      CountDownLatch firstFinished = new CountDownLatch(1);
      Pause pause = () -> {
        int index = pauses.incrementAndGet();
        if (index <= steps) {
          race.reach("T1 pause " + index);
          if (awaitDoneOrWaiting(done.get(index - 1), competitor)) {
            database.catchUp(one);
          }
        }
      };
      race.actor("T1", () -> {
        try {
          return call(first, new Actor(one, database.engine(), database::openSession), pause);
        } finally {
          firstFinished.countDown();
          for (int index = pauses.incrementAndGet(); index <= steps;
              index = pauses.incrementAndGet()) {
            race.reach("T1 pause " + index);
          }
        }
      });
      race.actor("T2", () -> {
        Actor actor = new Actor(two, database.engine(), database::openSession);
        List<CallResult> results = new ArrayList<>();
        for (int index = 1; index <= steps; index++) {
          race.await("T1 pause " + index);
          CallResult result = null;
          boolean behindTheFirstWriter;
          long started = System.nanoTime();
          try {
            result = call(competitorSteps.get(index - 1), actor, Pause.NONE);
            behindTheFirstWriter = waitedBehindTheFirstWriter(result, System.nanoTime() - started, firstFinished);
          } finally {
            done.get(index - 1).countDown();
          }
          if (behindTheFirstWriter) {
            serializedByEngine.incrementAndGet();
            done.subList(index, steps).forEach(CountDownLatch::countDown); // T1 waits for no later step
            firstFinished.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            result = call(competitorSteps.get(index - 1), actor, Pause.NONE);
          }
          results.add(result);
        }
        return results;
      });
      List<Outcome<?>> outcomes = race.runCollecting().all();
      List<CallResult> results = new ArrayList<>();
      results.add(result(outcomes.get(0)));
      results.addAll(competitorResults(outcomes.get(1), steps));
      return results;
    }
  }

  /** Competitor steps that SQLite made wait for T1 and that ran again after it (see {@link #race}). */
  int serializedByEngine() {
    return serializedByEngine.get();
  }

  /**
   * True when the competitor's SQLite step waited for the busy timeout while T1, still paused,
   * holds the database's write lock: the competitor (rolled back by now) held nothing T1 needs, so
   * a real caller would simply have waited. A competitor that held a write lock itself while
   * waiting for T1's read lock to go (deferred transactions) met a real conflict and keeps it.
   */
  private boolean waitedBehindTheFirstWriter(CallResult result, long elapsedNanos, CountDownLatch firstFinished) {
    return database.engine() == io.racefree.lab.db.Engine.SQLITE && !result.succeeded()
        && (Outcomes.BUSY.equals(result.failure()) || Outcomes.LOCK_TIMEOUT.equals(result.failure()))
        && elapsedNanos >= BLOCKED_BEHIND_WRITER_NANOS && firstFinished.getCount() > 0
        && someoneHoldsTheWriteLock();
  }

  private boolean someoneHoldsTheWriteLock() {
    try (Connection probe = database.openSession(); java.sql.Statement statement = probe.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 0");
      try {
        statement.execute("BEGIN IMMEDIATE");
      } catch (SQLException busy) {
        return true;
      }
      statement.execute("ROLLBACK");
      return false;
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection open() throws SQLException {
    Connection connection = database.openSession();
    connection.setTransactionIsolation(isolation.jdbcLevel());
    return connection;
  }

  /** True when the competitor's step finished, false when it is waiting (or the limit passed). */
  private boolean awaitDoneOrWaiting(CountDownLatch done, SessionProbe session)
      throws InterruptedException {
    if (database.spansNodes()) {
      // Sessions on different nodes never wait for each other's locks; a competitor that looks
      // like waiting is committing (certification), and T1 must not overtake it.
      return done.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!done.await(10, TimeUnit.MILLISECONDS)) {
      if (database.isWaiting(session) || System.nanoTime() > deadline) {
        return false;
      }
    }
    return true;
  }

  private static CallResult call(Body body, Actor actor, Pause pause) throws InterruptedException {
    try {
      return body.run(actor, pause);
    } catch (CallerFailure failure) {
      return CallResult.failed(failure.observation(), failure.getCause());
    } catch (SQLException e) {
      actor.rollbackQuietly();
      return CallResult.failed(actor.problem(e).observation(), e);
    } catch (RuntimeException e) {
      actor.rollbackQuietly();
      return CallResult.failed(Outcomes.OTHER_ERROR, e);
    }
  }

  private static List<CallResult> competitorResults(Outcome<?> outcome, int steps) {
    if (outcome.succeeded() && outcome.value() instanceof List<?> list) {
      return list.stream().map(item -> (CallResult) item).toList();
    }
    return java.util.Collections.nCopies(steps, CallResult.failed(Outcomes.OTHER_ERROR));
  }

  private static CallResult result(Outcome<?> outcome) {
    return outcome.succeeded() && outcome.value() instanceof CallResult result ? result
        : CallResult.failed(Outcomes.OTHER_ERROR);
  }
}
