package io.racefree.testing.leak;

import io.racefree.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds what a connection about to be given back still carries: autocommit off, an open
 * transaction, a changed isolation or read-only flag, named locks. Works on any connection, also
 * one borrowed from a pool.
 *
 * <p>On MariaDB/MySQL the named-lock check runs {@code SELECT RELEASE_ALL_LOCKS()}: the server
 * offers no cheap read-only view of user locks, so the check releases the leaked locks while
 * counting them. That is harmless when the connection is being given back, which is when the
 * check is meant to run. On PostgreSQL it reads {@code pg_locks} (advisory locks of
 * {@code pg_backend_pid()}); SQLite and H2 have no named locks. With autocommit off the queries
 * run inside the connection's transaction.
 *
 * <p>Stateless and thread-safe; the inspected connection must not be in use by another thread.
 */
public final class LeakCheck {
  private static final String POSTGRES_ADVISORY_LOCKS =
      "SELECT classid::text || ':' || objid::text || ' (' || mode || ')' FROM pg_locks"
          + " WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted";

  private LeakCheck() {}

  /**
   * Problems compared with the database defaults (isolation, read-write).
   *
   * @param connection the connection to inspect
   * @param engine its engine
   * @return the problems found; empty when the connection is clean
   */
  public static List<Leak> inspect(Connection connection, Engine engine) {
    try {
      return inspect(connection, engine, ConnectionBaseline.defaultsOf(connection));
    } catch (SQLException e) {
      return List.of(checkFailed(e));
    }
  }

  /**
   * Problems compared with {@code baseline}; an empty list means the connection is clean.
   *
   * @param connection the connection to inspect
   * @param engine its engine
   * @param baseline what the connection had when it was opened
   * @return the problems found; empty when the connection is clean
   */
  public static List<Leak> inspect(Connection connection, Engine engine, ConnectionBaseline baseline) {
    List<Leak> leaks = new ArrayList<>();
    try {
      checkTransaction(connection, engine, leaks);
      checkSettings(connection, baseline, leaks);
      checkNamedLocks(connection, engine, leaks);
    } catch (SQLException e) {
      leaks.add(checkFailed(e));
    }
    return List.copyOf(leaks);
  }

  /**
   * Fails if the connection carries anything back.
   *
   * @throws LeakError listing every problem
   * @param connection the connection to inspect
   * @param engine its engine
   */
  public static void assertClean(Connection connection, Engine engine) {
    List<Leak> leaks = inspect(connection, engine);
    if (!leaks.isEmpty()) {
      throw new LeakError("connection is given back with: " + leaks.stream().map(Leak::toString)
          .collect(Collectors.joining("; ")));
    }
  }

  private static void checkTransaction(Connection connection, Engine engine, List<Leak> leaks)
      throws SQLException {
    if (!connection.getAutoCommit()) {
      leaks.add(new Leak(Leak.Kind.AUTOCOMMIT_OFF, "autocommit is off, so a transaction may be open"));
      return;
    }
    if (transactionOpen(connection, engine)) {
      leaks.add(new Leak(Leak.Kind.OPEN_TRANSACTION,
          "a transaction is open although autocommit is on (an explicit BEGIN was not ended)"));
    }
  }

  private static boolean transactionOpen(Connection connection, Engine engine) throws SQLException {
    switch (engine) {
      case POSTGRESQL:
        return postgresTransactionOpen(connection);
      case MARIADB:
        return queryBoolean(connection, "SELECT @@in_transaction = 1");
      case H2:
        return queryBoolean(connection,
            "SELECT CONTAINS_UNCOMMITTED FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()");
      default:
        return false;
    }
  }

  /**
   * PostgreSQL has no "in transaction" flag visible to SQL: now() is the transaction's start time,
   * so two statements see the same now() only inside one transaction. A failed transaction (25P02)
   * is open too.
   */
  private static boolean postgresTransactionOpen(Connection connection) throws SQLException {
    try {
      List<String> first = queryStrings(connection, "SELECT now()::text");
      return first.equals(queryStrings(connection, "SELECT now()::text"));
    } catch (SQLException e) {
      if ("25P02".equals(e.getSQLState())) {
        return true;
      }
      throw e;
    }
  }

  private static void checkSettings(Connection connection, ConnectionBaseline baseline, List<Leak> leaks)
      throws SQLException {
    int isolation = connection.getTransactionIsolation();
    if (isolation != baseline.isolation()) {
      leaks.add(new Leak(Leak.Kind.ISOLATION_CHANGED, "transaction isolation is " + isolationName(isolation)
          + ", expected " + isolationName(baseline.isolation())));
    }
    if (connection.isReadOnly() != baseline.readOnly()) {
      leaks.add(new Leak(Leak.Kind.READ_ONLY_CHANGED, "read-only is " + connection.isReadOnly()
          + ", expected " + baseline.readOnly()));
    }
  }

  private static void checkNamedLocks(Connection connection, Engine engine, List<Leak> leaks)
      throws SQLException {
    if (engine == Engine.POSTGRESQL) {
      List<String> keys = queryStrings(connection, POSTGRES_ADVISORY_LOCKS);
      if (!keys.isEmpty()) {
        leaks.add(new Leak(Leak.Kind.NAMED_LOCK_HELD, "holds " + keys.size()
            + " advisory lock(s), keys classid:objid " + keys));
      }
    } else if (engine == Engine.MARIADB || engine == Engine.MYSQL) {
      long released = queryStrings(connection, "SELECT RELEASE_ALL_LOCKS()").stream()
          .mapToLong(Long::parseLong).sum();
      if (released > 0) {
        leaks.add(new Leak(Leak.Kind.NAMED_LOCK_HELD, "held " + released
            + " user lock(s) (GET_LOCK); the check released them"));
      }
    }
  }

  private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      return row.next() && row.getBoolean(1);
    }
  }

  private static List<String> queryStrings(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static Leak checkFailed(SQLException e) {
    return new Leak(Leak.Kind.CHECK_FAILED, "the leak check could not run: " + e.getMessage()
        + " [SQLState " + e.getSQLState() + "]");
  }

  private static String isolationName(int level) {
    switch (level) {
      case Connection.TRANSACTION_NONE:
        return "NONE";
      case Connection.TRANSACTION_READ_UNCOMMITTED:
        return "READ_UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED:
        return "READ_COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ:
        return "REPEATABLE_READ";
      case Connection.TRANSACTION_SERIALIZABLE:
        return "SERIALIZABLE";
      default:
        return "level " + level;
    }
  }
}
