package io.racefree.lab.soak;

import io.racefree.Database;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.scenario.ProgressListener;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One soak on one database: the tables, the callers of this process and of the worker processes,
 * the fault injector for the chosen time, then the checks.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class SoakRun {
  private final LabDatabase database;
  private final ProgressListener progress;
  private final ServerRestart restart;

  /** @param restart how to restart the server for the restart fault; null when it cannot be */
  public SoakRun(LabDatabase database, ProgressListener progress, ServerRestart restart) {
    this.database = database;
    this.progress = progress;
    this.restart = restart;
  }

  /** How many processes run callers here: an in-memory H2 database lives in this process only. */
  public static int processesOn(LabDatabase database, SoakSettings settings) {
    return database.target().url().startsWith("jdbc:h2:mem:") ? 1 : settings.processes();
  }

  public SoakResult run(SoakSettings settings) throws SQLException, InterruptedException {
    SoakTables.create(database);
    int processes = processesOn(database, settings);
    SoakSessions sessions = new SoakSessions(database, processes > 1);
    Acknowledgements told = new Acknowledgements();
    List<Long> perSecond = new ArrayList<>();
    List<SoakCheck> checks = new ArrayList<>();
    List<FaultEvent> faults;
    long finished;
    long started = System.nanoTime();
    long deadline = started + (long) (settings.durationSeconds() * 1e9);
    long untilEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(deadline - started);
    List<String> lockNames = SoakCaller.lockNames(database.workspace());
    List<SoakWorkerProcess> workers = new ArrayList<>();
    try {
      for (int i = 1; i < processes; i++) {
        workers.add(startWorker(settings, i, untilEpochMillis));
      }
      try (SoakCallers callers = SoakCallers.start(sessions, settings, told, lockNames, settings.seed(), deadline)) {
        FaultInjector injector = new FaultInjector(database, sessions, callers.pool(), settings, restart, started,
            deadline);
        ExecutorService faulting = Executors.newSingleThreadExecutor();
        try {
          Future<?> injecting = faulting.submit(injector);
          sample(told, workers, started, deadline, perSecond);
          callers.join();
          finished = System.nanoTime();
          SoakCallers.join(injecting);
        } finally {
          faulting.shutdownNow();
        }
        faults = injector.events();
        checks.addAll(SoakChecks.whileThePoolIsOpen(database, Database.of(callers.pool()), callers.pool(), sessions,
            lockNames));
      }
      checks.add(collect(workers, told));
    } finally {
      workers.forEach(SoakWorkerProcess::stop);
    }
    checks.addAll(SoakChecks.fromTheTables(database, told));
    return new SoakResult(database.label() + " (" + database.info().product() + " " + database.info().productVersion()
        + ")", settings, processes, (finished - started) / 1e9, told.completed.get(),
        told.errorsByCategory(), told.errorExamples(), told.untypedErrors(), told.firstUntypedError(), faults,
        notInjected(settings), perSecond, checks, told.naiveCalls.get(), told.naiveErrorsByState(),
        settings.contrast() ? SoakChecks.contrast(database, told) : List.of());
  }

  private SoakWorkerProcess startWorker(SoakSettings settings, int index, long untilEpochMillis) throws SQLException {
    try {
      return SoakWorkerProcess.start(database, settings, index, untilEpochMillis);
    } catch (IOException e) {
      throw new SQLException("cannot start a soak worker process: " + e.getMessage(), e);
    }
  }

  /** Adds every worker's tally to what the callers were told; a worker that failed fails this check. */
  private static SoakCheck collect(List<SoakWorkerProcess> workers, Acknowledgements told)
      throws InterruptedException {
    List<String> failures = new ArrayList<>();
    for (SoakWorkerProcess worker : workers) {
      try {
        told.add(worker.tally());
      } catch (IOException e) {
        failures.add(e.getMessage());
      }
    }
    return new SoakCheck("every worker process ran to the end and reported", failures.isEmpty(),
        workers.isEmpty() ? "no worker processes (callers in this process only)"
            : (workers.size() - failures.size()) + " of " + workers.size() + " reported"
                + (failures.isEmpty() ? "" : "; " + failures));
  }

  private Map<String, String> notInjected(SoakSettings settings) {
    Map<String, String> reasons = new TreeMap<>();
    for (FaultKind kind : settings.faults()) {
      String reason = kind.notApplicableReason(database.engine(), restart != null);
      if (reason != null) {
        reasons.put(kind.label(), reason);
      }
    }
    return reasons;
  }

  /** Records completed calls per second, in every process, and draws progress until the deadline. */
  private void sample(Acknowledgements told, List<SoakWorkerProcess> workers, long started, long deadline,
      List<Long> perSecond) throws InterruptedException {
    long before = 0;
    for (long second = 1; ; second++) {
      long tick = started + TimeUnit.SECONDS.toNanos(second);
      long end = Math.min(tick, deadline);
      long wait = end - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long now = told.completed.get() + workers.stream().mapToLong(SoakWorkerProcess::completed).sum();
      perSecond.add(now - before);
      before = now;
      double fraction = (double) (end - started) / (deadline - started);
      progress.update(database.label() + " soak, " + now + " calls", fraction);
      if (end >= deadline) {
        return;
      }
    }
  }
}
