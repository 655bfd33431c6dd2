package io.racefree.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Identifies the server session of one connection, so that another connection can watch it in the
 * server's activity views ({@link BlockedSessions}). Immutable and thread-safe.
 */
public final class SessionProbe {
  private final Engine engine;
  private final long sessionId;

  private SessionProbe(Engine engine, long sessionId) {
    this.engine = engine;
    this.sessionId = sessionId;
  }

  /**
   * Reads the engine and session id of {@code connection}: PostgreSQL {@code pg_backend_pid()},
   * MariaDB/MySQL {@code CONNECTION_ID()}, H2 {@code SESSION_ID()}. It runs one query, so call it
   * before the test starts a transaction on that connection (on PostgreSQL with autocommit off the
   * query would open one).
   *
   * @throws UnsupportedOperationException for SQLite, which has no sessions to watch
   * @param connection the session to identify
   * @return the probe
   */
  public static SessionProbe of(Connection connection) {
    Engine engine = Engine.of(connection);
    return new SessionProbe(engine, readSessionId(connection, sessionIdQuery(engine)));
  }

  /**
   * The engine of the session.
   *
   * @return the engine of the session
   */
  public Engine engine() {
    return engine;
  }

  /**
   * The server's id for the session (PostgreSQL backend pid, MariaDB connection id, H2 session id).
   *
   * @return the server's id for the session (PostgreSQL backend pid, MariaDB connection id, H2 session id)
   */
  public long sessionId() {
    return sessionId;
  }

  private static String sessionIdQuery(Engine engine) {
    switch (engine) {
      case POSTGRESQL:
        return "SELECT pg_backend_pid()";
      case MARIADB:
      case MYSQL:
        return "SELECT CONNECTION_ID()";
      case H2:
        return "SELECT SESSION_ID()";
      default:
        throw BlockedSessions.sqliteUnsupported();
    }
  }

  private static long readSessionId(Connection connection, String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new TestingSqlException("could not read the session id with " + sql, e);
    }
  }

  @Override
  public String toString() {
    return engine.name().toLowerCase(java.util.Locale.ROOT) + " session " + sessionId;
  }
}
