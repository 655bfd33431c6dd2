package io.racefree.lock.internal;

import io.racefree.Database;
import io.racefree.SessionCallback;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Feature;
import io.racefree.dialect.NamedLockKind;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.SessionRunner;
import io.racefree.lock.LockWait;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A named lock held by one auto-commit session for work that spans transactions: PostgreSQL
 * {@code pg_advisory_lock} / {@code pg_advisory_unlock}, MariaDB/MySQL {@code GET_LOCK} / {@code
 * RELEASE_LOCK}. Released in a finally; if the release fails the connection is aborted so the pool
 * never gets it back holding the lock. Stateless. Not API.
 */
public final class SessionLocks {
  private SessionLocks() {}

  /** See {@link Database#withLock}. */
  public static <T, X extends Exception> T withLock(
      SessionRunner sessions, Dialect dialect, String name, SessionCallback<T, X> callback) throws X {
    String task = "withLock(" + name + ")";
    dialect.require(Feature.SESSION_NAMED_LOCK, task);
    return sessions.runJdbc(session -> {
      String checked = LockSupport.checkName(session, task, name);
      Consumer<Throwable> release = session.context().events().lockWait(
          LockWait.Kind.NAMED, task, () -> acquire(session, checked, task));
      Throwable failure = null;
      try {
        return callback.withSession(session);
      } catch (Throwable thrown) {
        failure = thrown;
        throw thrown;
      } finally {
        release.accept(failure);
      }
    });
  }

  /** Takes the lock and returns what releases it, given the callback's failure (or null). */
  private static Consumer<Throwable> acquire(JdbcHandle handle, String name, String task) {
    if (handle.dialect().namedLocks() == NamedLockKind.GET_LOCK) {
      String locked = GetLock.acquire(handle, "?", List.of(Parameter.untyped(LockKeys.mySqlName(name))),
          "?", List.of(Parameter.untyped(GetLock.FOREVER_SECONDS)), task);
      if (locked == null) {
        throw new LockTimeoutException(GetLock.details(handle, task),
            "GET_LOCK did not grant lock '" + name + "'", null);
      }
      return failure -> GetLock.release(handle, locked, task, failure);
    }
    long key = LockKeys.postgresKey(name);
    handle.query(task, "SELECT pg_advisory_lock(?)", List.of(Parameter.untyped(key)));
    return failure -> unlockAdvisory(handle, key, task, failure);
  }

  private static void unlockAdvisory(JdbcHandle handle, long key, String task, Throwable failure) {
    String sql = "SELECT pg_advisory_unlock(?)";
    Connection connection = handle.connection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      statement.executeQuery().close();
    } catch (SQLException e) {
      ConnectionAbort.abortQuietly(connection, e);
      GetLock.throwOrSuppress(SqlErrorTranslator.translate(task + ": release", sql, e,
          handle.dialect().kind()), failure);
    }
  }
}
