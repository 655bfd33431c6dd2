package io.racefree.lab.scenario;

import java.sql.SQLException;

/**
 * The get-or-create user patterns on raw JDBC, each as the seeds and Django write it, on table
 * {@code goc (k, v)}. Each returns whether it created the row, or throws a {@link CallerFailure}
 * naming what reached the caller.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class GetOrCreate {
  private static final String FIND = "SELECT v FROM goc WHERE k = ?";
  private static final String INSERT = "INSERT INTO goc (k, v) VALUES (?, 1)";

  private GetOrCreate() {}

  static boolean run(String strategy, Actor actor, long key, Pause pause)
      throws CallerFailure, InterruptedException {
    try {
      return switch (strategy) {
        case "naive", "read-committed" -> naive(actor, key, pause, "");
        case "select-for-update" -> naive(actor, key, pause, actor.forUpdate());
        case "django" -> django(actor, key, pause);
        case "commit-then-get" -> commitThenGet(actor, key, pause);
        case "savepoint-before-read" -> savepointBeforeRead(actor, key, pause);
        case "table-lock" -> tableLock(actor, key, pause);
        case "serializable-retry" -> Retry.transient3(actor, () -> naive(actor, key, pause, ""));
        case "racefree" -> LibraryStrategy.getOrCreate(actor, key, pause);
        default -> throw new IllegalArgumentException("no get-or-create for " + strategy);
      };
    } catch (SQLException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw actor.failure(e);
    } catch (CallerFailure | RuntimeException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw e;
    }
  }

  /** Seed 001's code: get, create, catch the duplicate, get again, in one transaction. */
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

  /** Seed 000: the savepoint is taken before the first read, so rolling back may refresh it. */
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

  /** Seed 001's answer: on a duplicate, commit, then get in a new transaction. */
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

  /** The re-read after a duplicate key: found, or the "not found" of seeds 000, 001 and 003. */
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
