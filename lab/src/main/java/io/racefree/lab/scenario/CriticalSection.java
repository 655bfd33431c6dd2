package io.racefree.lab.scenario;

import io.racefree.error.RacefreeException;
import io.racefree.lab.db.Engine;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.Strategy;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job only one caller may run at a time (a payout batch, a nightly import), guarded by a lock
 * people expect to exclude everyone else: a row locked with {@code SELECT ... FOR UPDATE} and not
 * written, a named lock, or racefree's {@code tx.lock(name)}. The job itself is a read of table
 * {@code mutex (id, note)}; who is inside is counted in a {@link Room}, so two callers inside at
 * once are seen as they happen.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection and the room.
 */
final class CriticalSection {
  /** How long a named lock waits before the call gives up as a lock timeout. */
  private static final int NAMED_LOCK_WAIT_SECONDS = 20;

  private CriticalSection() {}

  /**
   * Who is inside the critical section, in this process: a caller entering while another is
   * inside is an overlap. Thread-safe.
   */
  static final class Room {
    private final String lockName;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicLong overlaps = new AtomicLong();

    /** @param lockName the named lock of this run, unique to its workspace */
    Room(String lockName) {
      this.lockName = lockName;
    }

    String lockName() {
      return lockName;
    }

    /** Enters; true if another caller was inside at that moment. */
    boolean enter() {
      boolean overlapped = inside.incrementAndGet() > 1;
      if (overlapped) {
        overlaps.incrementAndGet();
      }
      return overlapped;
    }

    void leave() {
      inside.decrementAndGet();
    }

    long overlaps() {
      return overlaps.get();
    }
  }

  /** One strategy's way to run the job alone; true if another caller was inside too. */
  private interface Pattern {
    boolean run(Actor actor, Room room, Pause pause)
        throws SQLException, CallerFailure, InterruptedException;
  }

  /** Every strategy that has a lock for the job, in the strategies' order. */
  private static final Map<Strategy, Pattern> PATTERNS = patterns();

  private static Map<Strategy, Pattern> patterns() {
    Map<Strategy, Pattern> patterns = new EnumMap<>(Strategy.class);
    patterns.put(Strategy.SELECT_FOR_UPDATE, CriticalSection::rowLock);
    patterns.put(Strategy.NAMED_LOCK, CriticalSection::namedLock);
    patterns.put(Strategy.RACEFREE, (actor, room, pause) -> library(actor, room, pause,
        TransactionOptions.defaults().withRetry(RetryPolicy.standard())));
    return Collections.unmodifiableMap(patterns);
  }

  /** The strategies that have a lock for the job. */
  static Set<Strategy> strategies() {
    return PATTERNS.keySet();
  }

  /**
   * One stress call: the race's pattern without pauses; {@code racefree}'s transaction runs at
   * the run's level (no hard case here: the race's call does no extra read).
   */
  static boolean stress(Strategy strategy, Actor actor, Room room, Isolation level)
      throws CallerFailure, InterruptedException {
    if (strategy != Strategy.RACEFREE) {
      return run(strategy, actor, room, Pause.NONE);
    }
    return ScenarioRuns.guarded(strategy, actor,
        () -> library(actor, room, Pause.NONE, LikeForLike.atLevel(level)));
  }

  /** Runs the job once under {@code strategy}'s lock; true if another caller was inside too. */
  static boolean run(Strategy strategy, Actor actor, Room room, Pause pause)
      throws CallerFailure, InterruptedException {
    Pattern pattern = PATTERNS.get(strategy);
    if (pattern == null) {
      throw new IllegalArgumentException("no critical section for " + strategy.label());
    }
    return ScenarioRuns.guarded(strategy, actor, () -> pattern.run(actor, room, pause));
  }

  /** Locks the row and does not write it: the lock is the whole point. */
  private static boolean rowLock(Actor actor, Room room, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    actor.queryPair("SELECT id, note FROM mutex WHERE id = 1" + actor.forUpdate());
    boolean overlapped = job(actor, room, pause);
    actor.commit();
    return overlapped;
  }

  /**
   * PostgreSQL: {@code pg_advisory_xact_lock}, released at commit. MariaDB/MySQL: {@code GET_LOCK}
   * with a wait limit, released with {@code RELEASE_LOCK}.
   */
  private static boolean namedLock(Actor actor, Room room, Pause pause)
      throws SQLException, InterruptedException, CallerFailure {
    if (actor.engine() == Engine.POSTGRESQL) {
      actor.begin();
      try (PreparedStatement lock = actor.connection().prepareStatement(
          "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        lock.setString(1, room.lockName());
        lock.execute();
      }
      boolean overlapped = job(actor, room, pause);
      actor.commit();
      return overlapped;
    }
    if (!getLock(actor, room.lockName())) {
      throw new CallerFailure(Outcomes.LOCK_TIMEOUT, null);
    }
    try {
      return job(actor, room, pause);
    } finally {
      try (PreparedStatement release = actor.connection().prepareStatement("SELECT RELEASE_LOCK(?)")) {
        release.setString(1, room.lockName());
        release.execute();
      }
    }
  }

  private static boolean getLock(Actor actor, String name) throws SQLException {
    try (PreparedStatement lock = actor.connection().prepareStatement("SELECT GET_LOCK(?, ?)")) {
      lock.setString(1, name);
      lock.setInt(2, NAMED_LOCK_WAIT_SECONDS);
      try (ResultSet granted = lock.executeQuery()) {
        return granted.next() && granted.getInt(1) == 1;
      }
    }
  }

  /**
   * racefree's transaction-scoped named lock. An SQL error of the job inside the callback is
   * translated and retried by racefree like its own statements.
   */
  private static boolean library(Actor actor, Room room, Pause pause, TransactionOptions options)
      throws CallerFailure, SQLException, InterruptedException {
    try {
      return actor.library().withTransaction(options, tx -> {
        tx.lock(room.lockName());
        try {
          return job(actor, room, pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      });
    } catch (RacefreeException e) {
      throw new CallerFailure(LibraryStrategy.observation(e), e);
    } finally {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private static boolean job(Actor actor, Room room, Pause pause)
      throws SQLException, InterruptedException {
    boolean overlapped = room.enter();
    try {
      actor.queryPair("SELECT id, note FROM mutex WHERE id = 1");
      pause.here();
      return overlapped;
    } finally {
      room.leave();
    }
  }
}
