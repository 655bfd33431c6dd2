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
 * Test support for the error ITs: runs a session's statement on its own thread and collects its
 * failure (the testing kit's BlockedSessions observes the lock waits). Not thread-safe; one per
 * test.
 */
final class Concurrently implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ExecutorService executor = Executors.newCachedThreadPool();

  /** A step that may fail with the driver's exception. */
  interface SqlStep {
    void run() throws SQLException;
  }

  /**
   * Starts {@code step} on a new thread; the future yields its SQLException, or null on success.
   */
  Future<SQLException> start(SqlStep step) {
    return executor.submit(() -> failureOf(step));
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
