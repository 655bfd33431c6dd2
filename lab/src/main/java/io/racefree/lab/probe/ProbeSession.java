package io.racefree.lab.probe;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.testing.SessionProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One probe session: its own connection, driven by its own thread, so a statement that waits on a
 * lock blocks only that thread. Statements run in submission order.
 *
 * <p>Thread-safe: {@link #submit} may be called from the driving thread while earlier statements
 * still run.
 */
final class ProbeSession implements AutoCloseable {
  private final String name;
  private final Connection connection;
  private final SessionProbe probe;
  private final ExecutorService thread;
  private volatile Statement running;

  private ProbeSession(String name, Connection connection, SessionProbe probe) {
    this.name = name;
    this.connection = connection;
    this.probe = probe;
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread worker = new Thread(runnable, "racefree-probe-" + name);
      worker.setDaemon(true);
      return worker;
    });
  }

  /** Opens a session at {@code isolation} with autocommit off: its first statement begins it. */
  static ProbeSession open(String name, LabDatabase database, Isolation isolation)
      throws SQLException {
    Connection connection = database.openSession();
    try {
      connection.setTransactionIsolation(isolation.jdbcLevel());
      SessionProbe probe = database.probe(connection);
      connection.setAutoCommit(false);
      return new ProbeSession(name, connection, probe);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  /** How the lock views find this session; null on SQLite. */
  SessionProbe probe() {
    return probe;
  }

  /** Queues a statement; the future completes with its result (errors are results too). */
  CompletableFuture<StepOutcome> submit(ProbeStep step, IntSupplier currentStep) {
    return CompletableFuture.supplyAsync(
        () -> new StepOutcome(execute(step), currentStep.getAsInt()), thread);
  }

  private StepResult execute(ProbeStep step) {
    try {
      return switch (step.sql()) {
        case ProbeStep.COMMIT -> {
          connection.commit();
          yield StepResult.ok();
        }
        case ProbeStep.ROLLBACK -> {
          connection.rollback();
          yield StepResult.ok();
        }
        default -> statement(step.sql());
      };
    } catch (SQLException e) {
      return StepResult.ofError(e);
    }
  }

  private StepResult statement(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      if (!statement.execute(sql)) {
        return StepResult.ofUpdateCount(statement.getUpdateCount());
      }
      List<long[]> rows = new ArrayList<>();
      try (ResultSet resultSet = statement.getResultSet()) {
        while (resultSet.next()) {
          rows.add(new long[] {resultSet.getLong(1), resultSet.getLong(2)});
        }
      }
      return StepResult.ofRows(rows);
    } finally {
      running = null;
    }
  }

  /** Cancels a statement that still waits, rolls back and closes the connection. */
  @Override
  public void close() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException ignored) {
        // The statement finished meanwhile, or the driver cannot cancel: closing follows anyway.
      }
    }
    thread.execute(this::rollbackAndClose);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(15, TimeUnit.SECONDS)) {
        connection.abort(Runnable::run);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException ignored) {
      // Aborting a connection that is already gone.
    }
  }

  private void rollbackAndClose() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // A broken connection has nothing left to roll back.
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is best effort.
    }
  }

  /** A result and the last step submitted when it completed. */
  record StepOutcome(StepResult result, int completedAfterStep) {}
}
