package io.racefree.lab.soak;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.racefree.Database;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.scenario.ProgressListener;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One soak on one database: the tables, a pool smaller than the number of callers, the callers
 * and the fault injector for the chosen time, then the checks.
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

  public SoakResult run(SoakSettings settings) throws SQLException, InterruptedException {
    SoakTables.create(database);
    SoakSessions sessions = new SoakSessions(database);
    Acknowledgements told = new Acknowledgements();
    List<Long> perSecond = new ArrayList<>();
    List<SoakCheck> whileOpen;
    List<FaultEvent> faults;
    long started;
    long finished;
    List<String> lockNames = SoakCaller.lockNames(database.workspace());
    try (HikariDataSource pool = pool(sessions, settings)) {
      Database db = Database.of(pool);
      started = System.nanoTime();
      long deadline = started + (long) (settings.durationSeconds() * 1e9);
      FaultInjector injector = new FaultInjector(database, sessions, pool, settings, restart, started, deadline);
      ExecutorService threads = Executors.newFixedThreadPool(settings.threads() + 1);
      try {
        List<Future<?>> callers = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.threads(); i++) {
          SplittableRandom random = seeds.split();
          SoakCaller caller = new SoakCaller(db, told, lockNames);
          callers.add(threads.submit(() -> {
            while (System.nanoTime() < deadline) {
              caller.callOnce(random);
            }
          }));
        }
        Future<?> faulting = threads.submit(injector);
        sample(told, started, deadline, perSecond);
        for (Future<?> caller : callers) {
          join(caller);
        }
        join(faulting);
      } finally {
        threads.shutdownNow();
      }
      finished = System.nanoTime();
      faults = injector.events();
      whileOpen = SoakChecks.whileThePoolIsOpen(database, db, pool, sessions, lockNames);
    }
    List<SoakCheck> checks = new ArrayList<>(whileOpen);
    checks.addAll(SoakChecks.fromTheTables(database, told));
    return new SoakResult(database.label() + " (" + database.info().product() + " " + database.info().productVersion()
        + ")", settings, (finished - started) / 1e9, told.completed.get(), told.errorsByCategory(), told.errorExamples(),
        told.untypedErrors(), told.firstUntypedError(), faults, notInjected(settings), perSecond, checks);
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

  private static HikariDataSource pool(SoakSessions sessions, SoakSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(sessions);
    config.setPoolName("racefree-soak");
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(settings.poolSize());
    config.setConnectionTimeout(250);
    config.setValidationTimeout(250);
    config.setExceptionOverride(new EvictClosedSessions());
    return new HikariDataSource(config);
  }

  /**
   * HikariCP evicts a connection on the connection-broken SQLStates (08xxx) that PostgreSQL and
   * MariaDB raise; an H2 session killed by ABORT_SESSION reports "database closed" (90098, 90121)
   * or "object already closed" (90007) instead, and would otherwise be lent again at once. This is
   * what an H2 application on HikariCP needs too; racefree's abort alone does not tell the pool.
   */
  static final class EvictClosedSessions implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      return switch (e.getErrorCode()) {
        case 90007, 90067, 90098, 90121 -> SQLExceptionOverride.Override.MUST_EVICT;
        default -> SQLExceptionOverride.Override.CONTINUE_EVICT;
      };
    }
  }

  /** Records completed calls per second and draws progress until the deadline. */
  private void sample(Acknowledgements told, long started, long deadline, List<Long> perSecond)
      throws InterruptedException {
    long before = 0;
    for (long second = 1; ; second++) {
      long tick = started + TimeUnit.SECONDS.toNanos(second);
      long end = Math.min(tick, deadline);
      long wait = end - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long now = told.completed.get();
      perSecond.add(now - before);
      before = now;
      double fraction = (double) (end - started) / (deadline - started);
      progress.update(database.label() + " soak, " + now + " calls", fraction);
      if (end >= deadline) {
        return;
      }
    }
  }

  private static void join(Future<?> task) throws InterruptedException {
    try {
      task.get(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a soak thread failed: " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a soak thread did not stop within 2 minutes of the deadline", e);
    }
  }
}
