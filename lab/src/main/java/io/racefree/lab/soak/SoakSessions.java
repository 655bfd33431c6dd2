package io.racefree.lab.soak;

import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.racefree.lab.db.SessionDataSource;

/**
 * The soak's source of connections under its pool: sessions of the lab's workspace with short lock
 * and statement timeouts, each remembered by its server session id so that the kill fault hits the
 * soak's own sessions and nobody else's. When worker processes share the soak, each process also
 * writes its sessions' ids to the {@code soak_session} table and reads the others' from it.
 *
 * <p>Thread-safe.
 */
final class SoakSessions extends SessionDataSource {
  /** Shorter than the lock fault holds its locks, so waiting callers time out. */
  static final int LOCK_TIMEOUT_MILLIS = 1000;
  /**
   * The statement timeout of every other session: shorter than the lock timeout, so a wait for a
   * held lock ends there by the statement timeout instead (SQLite has none).
   */
  static final int SHORT_STATEMENT_TIMEOUT_MILLIS = 500;
  private static final int STATEMENT_TIMEOUT_MILLIS = 10_000;

  private final LabDatabase database;
  private final Set<Long> ids = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
  private final boolean sharedWithOtherProcesses;

  /** The PostgreSQL application_name of this soak's sessions: a pid is signalled only if it still has it. */
  String applicationName() {
    return "racefree-soak-" + database.workspace();
  }

  /** @param sharedWithOtherProcesses whether worker processes run callers of the same soak */
  SoakSessions(LabDatabase database, boolean sharedWithOtherProcesses) {
    this.database = database;
    this.sharedWithOtherProcesses = sharedWithOtherProcesses;
  }

  /** Server session ids of the soak's open sessions, in every process (some may have ended since). */
  List<Long> ids() throws SQLException {
    if (!sharedWithOtherProcesses) {
      return List.copyOf(ids);
    }
    Set<Long> all = new java.util.TreeSet<>(ids);
    try (Connection session = database.openSession(); Statement statement = session.createStatement();
        ResultSet rows = statement.executeQuery("SELECT DISTINCT id FROM soak_session")) {
      while (rows.next()) {
        all.add(rows.getLong(1));
      }
    }
    return List.copyOf(all);
  }

  void forget(long id) throws SQLException {
    ids.remove(id);
    if (sharedWithOtherProcesses) {
      try (Connection session = database.openSession();
          PreparedStatement delete = session.prepareStatement("DELETE FROM soak_session WHERE id = ?")) {
        delete.setLong(1, id);
        delete.executeUpdate();
      }
    }
  }

  /** Before a server restart: every recorded session is about to end. */
  void forgetAll() throws SQLException {
    ids.clear();
    if (sharedWithOtherProcesses) {
      try (Connection session = database.openSession(); Statement statement = session.createStatement()) {
        statement.executeUpdate("DELETE FROM soak_session");
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = database.openSession();
    try (Statement statement = connection.createStatement()) {
      boolean shortStatements = opened.incrementAndGet() % 2 == 0;
      for (String sql : timeouts(database.engine(), shortStatements ? SHORT_STATEMENT_TIMEOUT_MILLIS
          : STATEMENT_TIMEOUT_MILLIS)) {
        statement.execute(sql);
      }
      if (database.engine() == Engine.POSTGRESQL) {
        statement.execute("SET application_name = '" + applicationName() + "'"); // the lab's own workspace name
      }
      String idQuery = sessionIdQuery(database.engine());
      if (idQuery != null) {
        long id;
        try (ResultSet row = statement.executeQuery(idQuery)) {
          row.next();
          id = row.getLong(1);
        }
        ids.add(id);
        if (sharedWithOtherProcesses) {
          try (PreparedStatement register = connection.prepareStatement("INSERT INTO soak_session (id) VALUES (?)")) {
            register.setLong(1, id);
            register.executeUpdate();
          }
        }
      }
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  static String sessionIdQuery(Engine engine) {
    return switch (engine) {
      case POSTGRESQL -> "SELECT pg_backend_pid()";
      case MARIADB, MYSQL -> "SELECT CONNECTION_ID()";
      case H2 -> "SELECT SESSION_ID()";
      case SQLITE -> null;
    };
  }

  /** The session settings of a soak session: its lock timeout and its statement timeout. */
  static List<String> timeouts(Engine engine, int statementTimeoutMillis) {
    return switch (engine) {
      case POSTGRESQL -> List.of("SET lock_timeout = '" + LOCK_TIMEOUT_MILLIS + "ms'",
          "SET statement_timeout = '" + statementTimeoutMillis + "ms'");
      case MARIADB -> List.of("SET SESSION innodb_lock_wait_timeout = 1",
          "SET SESSION max_statement_time = " + statementTimeoutMillis / 1000.0);
      case MYSQL -> List.of("SET SESSION innodb_lock_wait_timeout = 1",
          "SET SESSION max_execution_time = " + statementTimeoutMillis);
      case H2 -> List.of("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS, "SET QUERY_TIMEOUT " + statementTimeoutMillis);
      case SQLITE -> List.of("PRAGMA busy_timeout = " + LOCK_TIMEOUT_MILLIS);
    };
  }
}
