package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import java.sql.SQLException;

/**
 * Update-or-create user patterns on raw JDBC (seed 004, Django ticket #29499), on table {@code uoc
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

  static boolean run(String strategy, Actor actor, long key, long value, Pause pause)
      throws CallerFailure, InterruptedException {
    try {
      return switch (strategy) {
        // Seed 004's pre-fix Django code: savepoint + insert, then a plain (unlocked) re-get.
        case "naive", "read-committed" -> readThenSave(actor, key, value, pause, "", true);
        case "select-for-update" -> readThenSave(actor, key, value, pause, actor.forUpdate(),
            false);
        case "django" -> readThenSave(actor, key, value, pause, actor.forUpdate(), true);
        case "table-lock" -> tableLock(actor, key, value, pause);
        case "atomic-update" -> upsert(actor, key, value, pause);
        case "optimistic-version" -> Retry.transient3(actor,
            () -> optimistic(actor, key, value, pause));
        case "racefree" -> LibraryStrategy.updateOrCreate(actor, key, value, pause);
        case "serializable-retry" -> Retry.transient3(actor,
            () -> readThenSave(actor, key, value, pause, "", true));
        default -> throw new IllegalArgumentException("no update-or-create for " + strategy);
      };
    } catch (SQLException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw actor.failure(e);
    } catch (CallerFailure | RuntimeException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw e;
    }
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

  private static String upsertSql(Engine engine) {
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
