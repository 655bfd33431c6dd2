package io.racefree.lab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hammers one scenario's tables with one strategy from N threads of this process for a while,
 * each thread on its own connection, and tallies what the callers got. Used in process and by the
 * hidden {@code worker} command of separate JVMs.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class StressWorker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LabDatabase database;

  public StressWorker(LabDatabase database) {
    this.database = database;
  }

  /** Runs and returns the tally as one line of JSON (the worker process's output). */
  public String runAsJson(Scenario scenario, Strategy strategy, Isolation isolation,
      int threads, double seconds, long seed) {
    try {
      return JSON.writeValueAsString(run(scenario, strategy, isolation, threads, seconds, seed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static StressTally fromJson(String json) throws JsonProcessingException {
    return JSON.readValue(json, StressTally.class);
  }

  StressTally run(Scenario scenario, Strategy strategy, Isolation isolation, int threads,
      double seconds, long seed) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<StressTally>> futures = new ArrayList<>();
      SplittableRandom seeds = new SplittableRandom(seed);
      CriticalSection.Room room = Workloads.room(database);
      for (int i = 0; i < threads; i++) {
        SplittableRandom random = seeds.split();
        futures.add(pool.submit(() -> hammer(scenario, strategy, isolation, random, deadline, room)));
      }
      StressTally total = StressTally.empty();
      for (Future<StressTally> future : futures) {
        total = total.plus(future.get());
      }
      return total;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a stress thread failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private StressTally hammer(Scenario scenario, Strategy strategy, Isolation isolation,
      SplittableRandom random, long deadline, CriticalSection.Room room)
      throws SQLException, InterruptedException {
    StressTally tally = StressTally.empty();
    try (Connection connection = database.openSession()) {
      connection.setTransactionIsolation(isolation.jdbcLevel());
      if (database.engine() == Engine.SQLITE) {
        // Under load a writer should wait its turn as an application would, not give up at once.
        try (var statement = connection.createStatement()) {
          statement.execute("PRAGMA busy_timeout = 2000");
        }
      }
      Actor actor = new Actor(connection, database.engine(), database::openSession);
      while (System.nanoTime() < deadline) {
        tally = tally.plus(Workloads.operate(scenario, strategy, actor, isolation, random, room));
        connection.setAutoCommit(true);
      }
    }
    return tally;
  }
}
