package io.racefree.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test support for the error ITs: runs a session's statement on its own thread and waits, by
 * polling the database, until another session is observed waiting for a lock. Not thread-safe; one
 * per test.
 */
final class Concurrently implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Over 100 ms on purpose: InnoDB refreshes information_schema.INNODB_TRX only when nobody read it
   * in the last 100 ms, so faster polling would keep showing a stale snapshot forever.
   */
  private static final long POLL_MILLIS = 150;

  private final ExecutorService executor = Executors.newCachedThreadPool();

  /** A step that may fail with the driver's exception. */
  interface SqlStep {
    void run() throws SQLException;
  }

  /** A database observation, polled until true. */
  interface SqlCondition {
    boolean holds() throws SQLException;
  }

  /**
   * Starts {@code step} on a new thread; the future yields its SQLException, or null on success.
   */
  Future<SQLException> start(SqlStep step) {
    return executor.submit(() -> failureOf(step));
  }

  /** Describes the database state for a failure message. */
  interface SqlDescription {
    String describe() throws SQLException;
  }

  /** Polls {@code condition} (a database observation, not a timing guess) until it holds. */
  static void awaitObserved(String what, SqlCondition condition) throws Exception {
    awaitObserved(what, condition, () -> "");
  }

  /** As {@link #awaitObserved(String, SqlCondition)}, describing the database on failure. */
  static void awaitObserved(String what, SqlCondition condition, SqlDescription state)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        fail("never observed: " + what + "; database state: " + state.describe());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
  }

  static SQLException failureOf(SqlStep step) {
    try {
      step.run();
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  static SQLException expectFailure(SqlStep step) {
    SQLException failure = failureOf(step);
    if (failure == null) {
      fail("the statement should have failed");
    }
    return failure;
  }

  static SQLException resultOf(Future<SQLException> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  /** The only failure among finished steps (e.g. the deadlock victim); fails unless exactly one. */
  static SQLException onlyFailure(List<Future<SQLException>> steps) throws Exception {
    List<SQLException> failures = new ArrayList<>();
    for (Future<SQLException> step : steps) {
      SQLException failure = resultOf(step);
      if (failure != null) {
        failures.add(failure);
      }
    }
    assertThat(failures).as("exactly one session fails").hasSize(1);
    return failures.get(0);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
