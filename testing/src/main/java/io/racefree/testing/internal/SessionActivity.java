package io.racefree.testing.internal;

import io.racefree.testing.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One look at a session in the server's activity view: whether it exists, whether it waits on a
 * lock, and a one-line description for messages.
 */
public final class SessionActivity {
  private static final String POSTGRES =
      "SELECT wait_event_type, wait_event, state, left(query, 200) FROM pg_stat_activity WHERE pid = ?";
  private static final String MARIADB =
      "SELECT p.COMMAND, p.STATE, LEFT(p.INFO, 200), t.trx_state FROM information_schema.PROCESSLIST p"
          + " LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID WHERE p.ID = ?";
  private static final String H2 =
      "SELECT SESSION_STATE, BLOCKER_ID, EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS"
          + " WHERE SESSION_ID = ?";

  private final boolean found;
  private final boolean waitingOnLock;
  private final String description;

  private SessionActivity(boolean found, boolean waitingOnLock, String description) {
    this.found = found;
    this.waitingOnLock = waitingOnLock;
    this.description = description;
  }

  public static SessionActivity read(Connection observer, Engine engine, long sessionId)
      throws SQLException {
    switch (engine) {
      case POSTGRESQL:
        clearPostgresSnapshot(observer);
        return query(observer, POSTGRES, sessionId, SessionActivity::postgres);
      case MARIADB:
      case MYSQL:
        SessionActivity activity = query(observer, MARIADB, sessionId, SessionActivity::mariadb);
        return activity.found && !activity.waitingOnLock && InnodbStatus.showsLockWait(observer, sessionId)
            ? new SessionActivity(true, true, activity.description + ", INNODB STATUS: LOCK WAIT")
            : activity;
      case H2:
        return query(observer, H2, sessionId, SessionActivity::h2);
      default:
        throw new UnsupportedOperationException("no activity view for " + engine);
    }
  }

  public boolean found() {
    return found;
  }

  public boolean waitingOnLock() {
    return waitingOnLock;
  }

  public String description() {
    return description;
  }

  private interface RowReader {
    SessionActivity read(ResultSet row) throws SQLException;
  }

  private static SessionActivity query(Connection observer, String sql, long id, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = observer.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? reader.read(row) : new SessionActivity(false, false, "session not found (closed?)");
      }
    }
  }

  /** Inside a transaction PostgreSQL keeps showing the first snapshot of pg_stat_activity. */
  private static void clearPostgresSnapshot(Connection observer) throws SQLException {
    if (!observer.getAutoCommit()) {
      try (Statement statement = observer.createStatement()) {
        statement.execute("SELECT pg_stat_clear_snapshot()");
      }
    }
  }

  private static SessionActivity postgres(ResultSet row) throws SQLException {
    String waitType = row.getString(1);
    String description = "state=" + row.getString(3) + ", wait_event_type=" + waitType
        + ", wait_event=" + row.getString(2) + ", query=" + row.getString(4);
    return new SessionActivity(true, "Lock".equals(waitType), description);
  }

  private static SessionActivity mariadb(ResultSet row) throws SQLException {
    String state = row.getString(2);
    String trxState = row.getString(4);
    boolean lockState = state != null
        && (state.equals("User lock") || (state.startsWith("Waiting for") && state.contains("lock")));
    String description = "command=" + row.getString(1) + ", state=" + state + ", trx_state=" + trxState
        + ", info=" + row.getString(3);
    return new SessionActivity(true, lockState || "LOCK WAIT".equals(trxState), description);
  }

  private static SessionActivity h2(ResultSet row) throws SQLException {
    String state = row.getString(1);
    Object blocker = row.getObject(2);
    String description = "session_state=" + state + ", blocker_id=" + blocker + ", statement="
        + row.getString(3);
    return new SessionActivity(true, blocker != null || "BLOCKED".equals(state), description);
  }
}
