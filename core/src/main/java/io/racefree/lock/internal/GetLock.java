package io.racefree.lock.internal;

import io.racefree.error.ErrorDetails;
import io.racefree.error.QueryTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that runs MySQL-family {@code GET_LOCK} and {@code RELEASE_LOCK}. GET_LOCK is
 * session-scoped, survives ROLLBACK and counts: a session that takes a name twice must release it
 * twice. A release that fails aborts the connection, which ends the session and with it every lock
 * it holds, so no pooled connection keeps one. Stateless. Not API.
 */
final class GetLock {
  /** GET_LOCK has no "forever"; a year is as long as anyone waits. */
  static final long FOREVER_SECONDS = 365L * 24 * 3600;
  private static final String RELEASE = "SELECT RELEASE_LOCK(?)";

  private GetLock() {}

  /**
   * Takes the lock whose name {@code nameSql} computes (on the server, so the name can follow the
   * server's own comparison of values), waiting up to {@code secondsSql}.
   *
   * @return the name locked, or null when the wait ran out
   */
  static String acquire(JdbcHandle handle, String nameSql, List<Parameter> nameParameters,
      String secondsSql, List<Parameter> secondsParameters, String task) {
    List<Parameter> parameters = new ArrayList<>(secondsParameters); // in the order of the text
    parameters.addAll(nameParameters);
    String sql = "SELECT GET_LOCK(k.name, " + secondsSql + ") AS locked, k.name AS name FROM (SELECT "
        + nameSql + " AS name) k";
    Row row = handle.query(task, sql, parameters).get(0);
    Object locked = row.get("locked");
    if (locked == null) {
      // NULL: the wait was interrupted (KILL QUERY) or the server ran out of memory; the name is
      // computed and hashed to fit, so it is never the reason.
      throw new QueryTimeoutException(details(handle, task),
          "GET_LOCK was interrupted (KILL QUERY, or the server ran out of memory) while waiting for '"
              + row.get("name") + "'; the lock is not held",
          "find who killed the query; retry the transaction if that was intended", null);
    }
    return ((Number) locked).intValue() == 1 ? String.valueOf(row.get("name")) : null;
  }

  /**
   * Releases one acquisition of each name, in order; on failure aborts the connection. A connection
   * that broke (the server ended the session, or went away) holds nothing any more: its session's
   * locks ended with it, so that is no failure to report, and a transaction that committed stays a
   * success.
   */
  static void releaseAll(Connection connection, List<String> names) throws SQLException {
    try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
      for (String name : names) {
        release.setString(1, name);
        release.executeQuery().close();
      }
    } catch (SQLException e) {
      ConnectionAbort.abortQuietly(connection, e);
      if (!sessionEnded(e)) {
        throw e;
      }
    }
  }

  private static boolean sessionEnded(SQLException e) {
    return e instanceof java.sql.SQLNonTransientConnectionException
        || e instanceof java.sql.SQLRecoverableException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
  }

  /** {@link #releaseAll} for one name, translated; a failure is added to {@code failure} if any. */
  static void release(JdbcHandle handle, String name, String task, Throwable failure) {
    try {
      releaseAll(handle.connection(), List.of(name));
    } catch (SQLException e) {
      throwOrSuppress(SqlErrorTranslator.translate(task + ": release", RELEASE, e,
          handle.dialect().kind()), failure);
    }
  }

  /** Throws {@code releaseFailure}, or adds it to the failure that is already on its way out. */
  static void throwOrSuppress(RuntimeException releaseFailure, Throwable failure) {
    if (failure == null) {
      throw releaseFailure;
    }
    failure.addSuppressed(releaseFailure);
  }

  static ErrorDetails details(JdbcHandle handle, String task) {
    return ErrorDetails.of(task, handle.dialect().kind());
  }
}
