package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Update-or-create user patterns on raw JDBC (Django ticket #29499), on table {@code uoc
 * (k, v, w, version)}. Each sets {@code v} and, like Django's {@code save()}, writes the whole row
 * back, so {@code w} is rewritten with the value it read. The first pause comes after the first
 * read, the second after the row to update has been read.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class UpdateOrCreate {
  private static final String FIND = "SELECT w, version FROM uoc WHERE k = ?";
  private static final String INSERT = "INSERT INTO uoc (k, v, w, version) VALUES (?, ?, 0, 0)";
  private static final String SAVE = "UPDATE uoc SET v = ?, w = ? WHERE k = ?";

  private UpdateOrCreate() {}

  /** One strategy's update-or-create: whether it created the row. */
  private interface Pattern {
    boolean run(Actor actor, long key, long value, Pause pause)
        throws SQLException, CallerFailure, InterruptedException;
  }

  /** Every strategy that has an update-or-create, in the strategies' order. */
  private static final Map<Strategy, Pattern> PATTERNS = patterns();

  private static Map<Strategy, Pattern> patterns() {
    Map<Strategy, Pattern> patterns = new EnumMap<>(Strategy.class);
    // The ticket's pre-fix Django code: savepoint + insert, then a plain (unlocked) re-get.
    patterns.put(Strategy.NAIVE,
        (actor, key, value, pause) -> readThenSave(actor, key, value, pause, "", true));
    patterns.put(Strategy.DJANGO, (actor, key, value, pause) ->
        readThenSave(actor, key, value, pause, actor.forUpdate(), true));
    patterns.put(Strategy.READ_COMMITTED,
        (actor, key, value, pause) -> readThenSave(actor, key, value, pause, "", true));
    patterns.put(Strategy.TABLE_LOCK, UpdateOrCreate::tableLock);
    patterns.put(Strategy.SELECT_FOR_UPDATE, (actor, key, value, pause) ->
        readThenSave(actor, key, value, pause, actor.forUpdate(), false));
    patterns.put(Strategy.ATOMIC_UPDATE, UpdateOrCreate::upsert);
    patterns.put(Strategy.OPTIMISTIC_VERSION, (actor, key, value, pause) ->
        Retry.transient3(actor, () -> optimistic(actor, key, value, pause)));
    patterns.put(Strategy.SERIALIZABLE_RETRY, (actor, key, value, pause) ->
        Retry.transient3(actor, () -> readThenSave(actor, key, value, pause, "", true)));
    patterns.put(Strategy.RACEFREE, LibraryStrategy::updateOrCreate);
    return Collections.unmodifiableMap(patterns);
  }

  /** The strategies that have an update-or-create, the stress-only measurements included. */
  static Set<Strategy> strategies() {
    Set<Strategy> strategies = EnumSet.copyOf(PATTERNS.keySet());
    strategies.addAll(EnumSet.of(Strategy.RACEFREE_HARD_CASE, Strategy.FLOOR));
    return strategies;
  }

  /**
   * One stress call at the run's level: the race's pattern without pauses, except that {@code
   * racefree} does the same work as the others ({@link LikeForLike}), {@code racefree-hard-case}
   * is the race's racefree call and {@code floor} the native upsert, auto-committed.
   */
  static void stress(Strategy strategy, Actor actor, long key, long value, Isolation level)
      throws CallerFailure, InterruptedException {
    switch (strategy) {
      case RACEFREE -> ScenarioRuns.guarded(strategy, actor,
          () -> LikeForLike.updateOrCreate(actor, key, value, level));
      case RACEFREE_HARD_CASE -> run(Strategy.RACEFREE, actor, key, value, Pause.NONE);
      case FLOOR -> ScenarioRuns.guarded(strategy, actor, () -> {
        Floor.updateOrCreate(actor, key, value);
        return null;
      });
      default -> run(strategy, actor, key, value, Pause.NONE);
    }
  }

  static boolean run(Strategy strategy, Actor actor, long key, long value, Pause pause)
      throws CallerFailure, InterruptedException {
    Pattern pattern = PATTERNS.get(strategy);
    if (pattern == null) {
      throw new IllegalArgumentException("no update-or-create for " + strategy.label());
    }
    return ScenarioRuns.guarded(strategy, actor, () -> pattern.run(actor, key, value, pause));
  }

  /** Get (optionally locking), create, on a duplicate get again, then save the whole row. */
  private static boolean readThenSave(Actor actor, long key, long value, Pause pause, String lock,
      boolean savepoint) throws SQLException, CallerFailure, InterruptedException {
    actor.begin();
    long[] row = actor.queryPair(FIND + lock, key);
    pause.here();
    if (row == null) {
      var point = savepoint ? actor.connection().setSavepoint() : null;
      try {
        actor.update(INSERT, key, value);
        actor.commit();
        return true;
      } catch (SQLException e) {
        if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
          throw e;
        }
        if (point != null) {
          actor.connection().rollback(point);
        }
        row = reread(actor, key, lock, e);
      }
    }
    pause.here();
    actor.update(SAVE, value, row[0], key);
    actor.commit();
    return false;
  }

  private static long[] reread(Actor actor, long key, String lock, SQLException duplicate)
      throws CallerFailure {
    try {
      long[] row = actor.queryPair(FIND + lock, key);
      if (row == null) {
        throw Actor.notFoundAfterDuplicate(duplicate);
      }
      return row;
    } catch (SQLException aborted) {
      throw actor.failure(duplicate);
    }
  }

  private static boolean tableLock(Actor actor, long key, long value, Pause pause)
      throws SQLException, InterruptedException {
    TableLock.begin(actor, "uoc");
    long[] row = actor.queryPair(FIND, key);
    pause.here();
    if (row == null) {
      actor.update(INSERT, key, value);
    } else {
      pause.here();
      actor.update(SAVE, value, row[0], key);
    }
    TableLock.commit(actor);
    return row == null;
  }

  /** One statement: insert, or on the key's conflict update only {@code v}. */
  private static boolean upsert(Actor actor, long key, long value, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    pause.here();
    actor.update(upsertSql(actor.engine()), key, value);
    pause.here();
    actor.commit();
    return false;
  }

  /** The native upsert that sets {@code v} of key {@code ?} to the second parameter. */
  static String upsertSql(Engine engine) {
    return switch (engine) {
      case POSTGRESQL, SQLITE -> "INSERT INTO uoc (k, v, w, version) VALUES (?, ?, 0, 0)"
          + " ON CONFLICT (k) DO UPDATE SET v = excluded.v";
      case MARIADB, MYSQL -> "INSERT INTO uoc (k, v, w, version) VALUES (?, ?, 0, 0)"
          + " ON DUPLICATE KEY UPDATE v = VALUES(v)";
      case H2 -> "MERGE INTO uoc USING (VALUES (CAST(? AS BIGINT), CAST(? AS INT))) s(k, v)"
          + " ON uoc.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v"
          + " WHEN NOT MATCHED THEN INSERT (k, v, w, version) VALUES (s.k, s.v, 0, 0)";
    };
  }

  /** Writes only if the version read is still current; anything else retries the transaction. */
  private static boolean optimistic(Actor actor, long key, long value, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    long[] row = actor.queryPair(FIND, key);
    pause.here();
    if (row == null) {
      try {
        actor.update(INSERT, key, value);
      } catch (SQLException e) {
        if (actor.problem(e) != SqlProblem.DUPLICATE_KEY) {
          throw e;
        }
        throw new Transfer.StaleVersion();
      }
      actor.commit();
      return true;
    }
    pause.here();
    if (actor.update("UPDATE uoc SET v = ?, w = ?, version = version + 1"
        + " WHERE k = ? AND version = ?", value, row[0], key, row[1]) != 1) {
      throw new Transfer.StaleVersion();
    }
    actor.commit();
    return false;
  }
}
