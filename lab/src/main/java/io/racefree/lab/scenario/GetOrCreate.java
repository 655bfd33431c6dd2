package io.racefree.lab.scenario;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The get-or-create user patterns on raw JDBC, each as the threads the lab replays and Django
 * write it, on table {@code goc (k, v)}. Each returns whether it created the row, or throws a {@link CallerFailure}
 * naming what reached the caller.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class GetOrCreate {
  private static final String FIND = "SELECT v FROM goc WHERE k = ?";
  private static final String INSERT = "INSERT INTO goc (k, v) VALUES (?, 1)";

  private GetOrCreate() {}

  /** One strategy's get-or-create: whether it created the row. */
  private interface Pattern {
    boolean run(Actor actor, long key, Pause pause)
        throws SQLException, CallerFailure, InterruptedException;
  }

  /** Every strategy that has a get-or-create, in the strategies' order. */
  private static final Map<Strategy, Pattern> PATTERNS = patterns();

  private static Map<Strategy, Pattern> patterns() {
    Map<Strategy, Pattern> patterns = new EnumMap<>(Strategy.class);
    patterns.put(Strategy.NAIVE, (actor, key, pause) -> naive(actor, key, pause, ""));
    patterns.put(Strategy.DJANGO, GetOrCreate::django);
    patterns.put(Strategy.COMMIT_THEN_GET, GetOrCreate::commitThenGet);
    patterns.put(Strategy.SAVEPOINT_BEFORE_READ, GetOrCreate::savepointBeforeRead);
    patterns.put(Strategy.READ_COMMITTED, (actor, key, pause) -> naive(actor, key, pause, ""));
    patterns.put(Strategy.TABLE_LOCK, GetOrCreate::tableLock);
    patterns.put(Strategy.SELECT_FOR_UPDATE,
        (actor, key, pause) -> naive(actor, key, pause, actor.forUpdate()));
    patterns.put(Strategy.SERIALIZABLE_RETRY,
        (actor, key, pause) -> Retry.transient3(actor, () -> naive(actor, key, pause, "")));
    patterns.put(Strategy.RACEFREE, LibraryStrategy::getOrCreate);
    return Collections.unmodifiableMap(patterns);
  }

  /** The strategies that have a get-or-create, the stress-only measurements included. */
  static Set<Strategy> strategies() {
    Set<Strategy> strategies = EnumSet.copyOf(PATTERNS.keySet());
    strategies.addAll(EnumSet.of(Strategy.RACEFREE_HARD_CASE, Strategy.FLOOR));
    return strategies;
  }

  /**
   * One stress call at the run's level: the race's pattern without pauses, except that {@code
   * racefree} does the same work as the others ({@link LikeForLike}), {@code racefree-hard-case}
   * is the race's racefree call and {@code floor} the hand-written upsert ({@link Floor}).
   */
  static boolean stress(Strategy strategy, Actor actor, long key, Isolation level)
      throws CallerFailure, InterruptedException {
    return switch (strategy) {
      case RACEFREE -> ScenarioRuns.guarded(strategy, actor,
          () -> LikeForLike.getOrCreate(actor, key, level));
      case RACEFREE_HARD_CASE -> run(Strategy.RACEFREE, actor, key, Pause.NONE);
      case FLOOR -> ScenarioRuns.guarded(strategy, actor, () -> Floor.getOrCreate(actor, key));
      default -> run(strategy, actor, key, Pause.NONE);
    };
  }

  static boolean run(Strategy strategy, Actor actor, long key, Pause pause)
      throws CallerFailure, InterruptedException {
    Pattern pattern = PATTERNS.get(strategy);
    if (pattern == null) {
      throw new IllegalArgumentException("no get-or-create for " + strategy.label());
    }
    return ScenarioRuns.guarded(strategy, actor, () -> pattern.run(actor, key, pause));
  }

  /** The Stack Overflow question's code: get, create, catch the duplicate, get again, in one transaction. */
  private static boolean naive(Actor actor, long key, Pause pause, String lock)
      throws SQLException, CallerFailure, InterruptedException {
    actor.begin();
    if (actor.queryLong(FIND + lock, key) != null) {
      actor.commit();
      return false;
    }
    pause.here();
    try {
      actor.update(INSERT, key);
      actor.commit();
      return true;
    } catch (SQLException e) {
      if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
        throw e;
      }
      rereadOrFail(actor, key, lock, e);
      actor.commit();
      return false;
    }
  }

  /** Django: get, then savepoint + insert; on a duplicate roll back to it and get again. */
  private static boolean django(Actor actor, long key, Pause pause)
      throws SQLException, CallerFailure, InterruptedException {
    actor.begin();
    if (actor.queryLong(FIND, key) != null) {
      actor.commit();
      return false;
    }
    pause.here();
    return insertUnderSavepoint(actor, key);
  }

  /** The Django users group's advice: the savepoint is taken before the first read, so rolling back may refresh it. */
  private static boolean savepointBeforeRead(Actor actor, long key, Pause pause)
      throws SQLException, CallerFailure, InterruptedException {
    actor.begin();
    var savepoint = actor.connection().setSavepoint();
    if (actor.queryLong(FIND, key) != null) {
      actor.commit();
      return false;
    }
    pause.here();
    try {
      actor.update(INSERT, key);
      actor.commit();
      return true;
    } catch (SQLException e) {
      if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
        throw e;
      }
      actor.connection().rollback(savepoint);
      rereadOrFail(actor, key, "", e);
      actor.commit();
      return false;
    }
  }

  /** The Stack Overflow answer: on a duplicate, commit, then get in a new transaction. */
  private static boolean commitThenGet(Actor actor, long key, Pause pause)
      throws SQLException, CallerFailure, InterruptedException {
    actor.begin();
    if (actor.queryLong(FIND, key) != null) {
      actor.commit();
      return false;
    }
    pause.here();
    try {
      actor.update(INSERT, key);
      actor.commit();
      return true;
    } catch (SQLException e) {
      if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
        throw e;
      }
      actor.rollbackQuietly(); // "commit" of a failed transaction; PostgreSQL rolls back anyway
      rereadOrFail(actor, key, "", e);
      actor.commit();
      return false;
    }
  }

  private static boolean tableLock(Actor actor, long key, Pause pause)
      throws SQLException, InterruptedException {
    TableLock.begin(actor, "goc");
    boolean found = actor.queryLong(FIND, key) != null;
    pause.here();
    if (!found) {
      actor.update(INSERT, key);
    }
    TableLock.commit(actor);
    return !found;
  }

  private static boolean insertUnderSavepoint(Actor actor, long key)
      throws SQLException, CallerFailure {
    var savepoint = actor.connection().setSavepoint();
    try {
      actor.update(INSERT, key);
      actor.connection().releaseSavepoint(savepoint);
      actor.commit();
      return true;
    } catch (SQLException e) {
      if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
        throw e;
      }
      actor.connection().rollback(savepoint);
      rereadOrFail(actor, key, "", e);
      actor.commit();
      return false;
    }
  }

  /** The re-read after a duplicate key: found, or the "not found" the Django threads report. */
  private static void rereadOrFail(Actor actor, long key, String lock, SQLException duplicate)
      throws CallerFailure {
    try {
      if (actor.queryLong(FIND + lock, key) == null) {
        throw Actor.notFoundAfterDuplicate(duplicate);
      }
    } catch (SQLException aborted) {
      // PostgreSQL: the failed INSERT aborted the transaction (25P02); the duplicate surfaces.
      throw actor.failure(duplicate);
    }
  }
}
