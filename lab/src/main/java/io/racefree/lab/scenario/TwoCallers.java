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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forces a seed's interleaving of two callers with the testing kit's {@link Interleaving}: T1 runs
 * until its strategy's pause point (after its first read), then T2 runs until it finishes or is
 * seen waiting on a lock (polling the server's lock views; on SQLite until it finishes, since a
 * blocked SQLite writer ends with SQLITE_BUSY), then T1 goes on.
 *
 * <p>Not thread-safe: one race per instance.
 */
final class TwoCallers {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** A caller's body: its strategy call with the pause it must honour. */
  interface Body {
    CallResult run(Actor actor, Pause pause) throws CallerFailure, SQLException,
        InterruptedException;
  }

  private final LabDatabase database;
  private final Isolation isolation;

  TwoCallers(LabDatabase database, Isolation isolation) {
    this.database = database;
    this.isolation = isolation;
  }

  List<CallResult> race(Body first, Body second) throws SQLException {
    try (Connection one = open(); Connection two = open();
        Interleaving race = Interleaving.create(LIMIT)) {
      SessionProbe secondSession = database.probe(two);
      CountDownLatch secondDone = new CountDownLatch(1);
      AtomicBoolean paused = new AtomicBoolean();
      Pause pause = () -> {
        if (paused.compareAndSet(false, true)) {
          race.reach("T1 paused");
          awaitDoneOrWaiting(secondDone, secondSession);
        }
      };
      race.actor("T1", () -> {
        try {
          return call(first, new Actor(one, database.engine()), pause);
        } finally {
          if (paused.compareAndSet(false, true)) {
            race.reach("T1 paused");
          }
        }
      });
      race.actor("T2", () -> {
        race.await("T1 paused");
        try {
          return call(second, new Actor(two, database.engine()), Pause.NONE);
        } finally {
          secondDone.countDown();
        }
      });
      return race.runCollecting().all().stream().map(TwoCallers::result).toList();
    }
  }

  private Connection open() throws SQLException {
    Connection connection = database.openSession();
    connection.setTransactionIsolation(isolation.jdbcLevel());
    return connection;
  }

  private void awaitDoneOrWaiting(CountDownLatch done, SessionProbe session)
      throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!done.await(10, TimeUnit.MILLISECONDS)) {
      if (database.isWaiting(session) || System.nanoTime() > deadline) {
        return;
      }
    }
  }

  private static CallResult call(Body body, Actor actor, Pause pause) throws InterruptedException {
    try {
      return body.run(actor, pause);
    } catch (CallerFailure failure) {
      return CallResult.failed(failure.observation());
    } catch (SQLException e) {
      actor.rollbackQuietly();
      return CallResult.failed(actor.problem(e).observation());
    } catch (RuntimeException e) {
      actor.rollbackQuietly();
      return CallResult.failed(Outcomes.OTHER_ERROR);
    }
  }

  private static CallResult result(Outcome<?> outcome) {
    return outcome.succeeded() && outcome.value() instanceof CallResult result ? result
        : CallResult.failed(Outcomes.OTHER_ERROR);
  }
}
