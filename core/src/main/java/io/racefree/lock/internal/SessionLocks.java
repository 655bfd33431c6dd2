package io.racefree.lock.internal;

import io.racefree.Database;
import io.racefree.SessionCallback;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A named lock held by one auto-commit session for work that spans transactions: PostgreSQL
 * {@code pg_advisory_lock} / {@code pg_advisory_unlock}, MariaDB/MySQL {@code GET_LOCK} / {@code
 * RELEASE_LOCK}. Released in a finally; if the release fails the connection is aborted so the pool
 * never gets it back holding the lock. Stateless. Not API.
 */
public final class SessionLocks {
  private static final long FOREVER_SECONDS = 365L * 24 * 3600;

  private SessionLocks() {}

  /** See {@link Database#withLock}. */
  public static <T> T withLock(Database database, String name, SessionCallback<T> callback) {
    String task = "withLock(" + name + ")";
    database.dialect().require(Feature.SESSION_NAMED_LOCK, task);
    return database.withSession(session -> {
      JdbcHandle handle = (JdbcHandle) session;
      String release = acquire(handle, LockSupport.checkName(handle, task, name), task);
      Throwable failure = null;
      try {
        return callback.withSession(session);
      } catch (Exception | Error thrown) {
        failure = thrown;
        throw thrown;
      } finally {
        release(handle, name, release, task, failure);
      }
    });
  }

  /** Takes the lock and returns the SQL that releases it (one bound parameter). */
  private static String acquire(JdbcHandle handle, String name, String task) {
    if (handle.dialect().kind().isMySqlFamily()) {
      Object locked = handle.query(task, "SELECT GET_LOCK(?, ?) AS locked",
          List.of(Parameter.untyped(LockKeys.mySqlName(name)), Parameter.untyped(FOREVER_SECONDS))).get(0).get("locked");
      if (locked == null || ((Number) locked).intValue() != 1) {
        throw new LockTimeoutException(ErrorDetails.of(task, handle.dialect().kind()),
            "GET_LOCK did not grant lock '" + name + "'", null);
      }
      return "SELECT RELEASE_LOCK(?)";
    }
    handle.query(task, "SELECT pg_advisory_lock(?)", List.of(Parameter.untyped(LockKeys.postgresKey(name))));
    return "SELECT pg_advisory_unlock(?)";
  }

  private static void release(JdbcHandle handle, String name, String sql, String task, Throwable failure) {
    Connection connection = handle.connection();
    Object key = handle.dialect().kind().isMySqlFamily() ? LockKeys.mySqlName(name) : LockKeys.postgresKey(name);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, key);
      statement.executeQuery().close();
    } catch (SQLException e) {
      ConnectionAbort.abortQuietly(connection, e);
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw SqlErrorTranslator.translate(task + ": release", sql, e, handle.dialect().kind());
      }
    }
  }
}
