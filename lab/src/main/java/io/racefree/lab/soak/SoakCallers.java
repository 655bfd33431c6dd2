package io.racefree.lab.soak;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.racefree.Database;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The callers of one process: a pool smaller than the number of callers and one thread per
 * caller, calling until the deadline. With the contrast on, a quarter as many plain-JDBC callers
 * run beside them on a pool of their own (a quarter the size), so that their lock waits do not
 * hold up racefree's callers; the same faults reach their sessions.
 *
 * <p>Not thread-safe: started, joined and closed by one thread.
 */
final class SoakCallers implements AutoCloseable {
  private static final int CONTRAST_SHARE = 4;

  private final HikariDataSource pool;
  private final HikariDataSource naivePool;
  private final ExecutorService threads;
  private final List<Future<?>> running = new ArrayList<>();

  private SoakCallers(HikariDataSource pool, HikariDataSource naivePool, int threadCount) {
    this.pool = pool;
    this.naivePool = naivePool;
    this.threads = Executors.newFixedThreadPool(threadCount);
  }

  /** The plain-JDBC callers beside {@code threads} racefree ones. */
  static int contrastThreads(SoakSettings settings) {
    return settings.contrast() ? Math.max(2, settings.threads() / CONTRAST_SHARE) : 0;
  }

  /**
   * Opens the pool on {@code sessions} and starts the callers.
   *
   * @param deadline the {@code System.nanoTime()} at which they stop
   */
  static SoakCallers start(SoakSessions sessions, SoakSettings settings, Acknowledgements told,
      List<String> lockNames, long seed, long deadline) {
    HikariDataSource pool = pool(sessions, "racefree-soak", settings.poolSize());
    int naiveThreads = contrastThreads(settings);
    HikariDataSource naivePool = naiveThreads == 0 ? null
        : pool(sessions, "racefree-soak-contrast", Math.max(2, settings.poolSize() / CONTRAST_SHARE));
    SoakCallers callers = new SoakCallers(pool, naivePool, settings.threads() + naiveThreads);
    SoakCaller racefree = new SoakCaller(Database.of(pool), told, lockNames);
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < settings.threads(); i++) {
      SplittableRandom random = seeds.split();
      callers.running.add(callers.threads.submit(() -> {
        while (System.nanoTime() < deadline) {
          racefree.callOnce(random);
        }
      }));
    }
    for (int i = 0; i < naiveThreads; i++) {
      SplittableRandom random = seeds.split();
      NaiveCaller naive = new NaiveCaller(naivePool, told);
      callers.running.add(callers.threads.submit(() -> {
        while (System.nanoTime() < deadline) {
          naive.callOnce(random);
        }
      }));
    }
    return callers;
  }

  HikariDataSource pool() {
    return pool;
  }

  /** Waits for every caller to stop (they stop at the deadline; two minutes more at most). */
  void join() throws InterruptedException {
    for (Future<?> caller : running) {
      join(caller);
    }
  }

  static void join(Future<?> task) throws InterruptedException {
    try {
      task.get(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a soak thread failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a soak thread did not stop within 2 minutes of the deadline", e);
    }
  }

  /** Stops the threads and closes the pool. */
  @Override
  public void close() {
    threads.shutdownNow();
    pool.close();
    if (naivePool != null) {
      naivePool.close();
    }
  }

  private static HikariDataSource pool(SoakSessions sessions, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(sessions);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
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
}
