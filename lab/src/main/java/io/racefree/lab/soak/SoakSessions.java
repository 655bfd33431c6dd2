package io.racefree.lab.soak;

import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import java.sql.Connection;
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
 * soak's own sessions and nobody else's.
 *
 * <p>Thread-safe.
 */
final class SoakSessions extends SessionDataSource {
  /** Shorter than the lock fault holds its locks, so waiting callers time out. */
  static final int LOCK_TIMEOUT_MILLIS = 1000;

  private final LabDatabase database;
  private final Set<Long> ids = ConcurrentHashMap.newKeySet();

  /** The PostgreSQL application_name of this soak's sessions: a pid is signalled only if it still has it. */
  String applicationName() {
    return "racefree-soak-" + database.workspace();
  }

  SoakSessions(LabDatabase database) {
    this.database = database;
  }

  /** Server session ids of the soak's open sessions (some may have ended since). */
  List<Long> ids() {
    return List.copyOf(ids);
  }

  void forget(long id) {
    ids.remove(id);
  }

  /** After a server restart every recorded session is gone. */
  void forgetAll() {
    ids.clear();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = database.openSession();
    try (Statement statement = connection.createStatement()) {
      for (String sql : timeouts(database.engine())) {
        statement.execute(sql);
      }
      if (database.engine() == Engine.POSTGRESQL) {
        statement.execute("SET application_name = '" + applicationName() + "'"); // the lab's own workspace name
      }
      String idQuery = sessionIdQuery(database.engine());
      if (idQuery != null) {
        try (ResultSet id = statement.executeQuery(idQuery)) {
          id.next();
          ids.add(id.getLong(1));
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

  private static List<String> timeouts(Engine engine) {
    return switch (engine) {
      case POSTGRESQL -> List.of("SET lock_timeout = '" + LOCK_TIMEOUT_MILLIS + "ms'", "SET statement_timeout = '10s'");
      case MARIADB -> List.of("SET SESSION innodb_lock_wait_timeout = 1", "SET SESSION max_statement_time = 10");
      case MYSQL -> List.of("SET SESSION innodb_lock_wait_timeout = 1", "SET SESSION max_execution_time = 10000");
      case H2 -> List.of("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS);
      case SQLITE -> List.of("PRAGMA busy_timeout = " + LOCK_TIMEOUT_MILLIS);
    };
  }
}
