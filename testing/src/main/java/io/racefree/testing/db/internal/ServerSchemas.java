package io.racefree.testing.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and drops the per-test namespace on a server: a PostgreSQL schema, a MariaDB database.
 * Dropping first ends the sessions a test left behind, so the drop does not wait on their locks.
 */
public final class ServerSchemas {
  private ServerSchemas() {}

  public static void createPostgresSchema(ServerEndpoint server, String schema) {
    run(server, "CREATE SCHEMA " + schema);
  }

  /** Ends the sessions tagged with {@code ApplicationName=schema}, then drops the schema. */
  public static DatabaseCleanup postgresSchemaDrop(ServerEndpoint server, String schema) {
    return () -> {
      try (Connection admin = Drivers.open(server.jdbcUrl(), server.user(), server.password())) {
        execute(admin, "SET lock_timeout = '10s'");
        execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE application_name = '" + schema + "' AND pid <> pg_backend_pid()");
        execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    };
  }

  public static void createMariaDbDatabase(ServerEndpoint server, String database) {
    run(server, "CREATE DATABASE " + database);
  }

  /** Kills the sessions still using the database, then drops it. */
  public static DatabaseCleanup mariaDbDatabaseDrop(ServerEndpoint server, String database) {
    return () -> {
      try (Connection admin = Drivers.open(server.jdbcUrl(), server.user(), server.password())) {
        execute(admin, "SET SESSION lock_wait_timeout = 10");
        for (long session : sessionsUsing(admin, database)) {
          killQuietly(admin, session);
        }
        execute(admin, "DROP DATABASE IF EXISTS " + database);
      }
    };
  }

  private static List<Long> sessionsUsing(Connection admin, String database) throws SQLException {
    String sql = "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()";
    try (PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setString(1, database);
      try (ResultSet rows = statement.executeQuery()) {
        List<Long> ids = new ArrayList<>();
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
        return ids;
      }
    }
  }

  private static void killQuietly(Connection admin, long session) {
    try {
      execute(admin, "KILL CONNECTION " + session);
    } catch (SQLException alreadyGone) {
      // the session ended between the query and the kill
    }
  }

  private static void run(ServerEndpoint server, String sql) {
    try (Connection admin = Drivers.open(server.jdbcUrl(), server.user(), server.password())) {
      execute(admin, sql);
    } catch (SQLException e) {
      throw new io.racefree.testing.TestingSqlException("could not run " + sql + " on " + server, e);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
