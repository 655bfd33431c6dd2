package io.racefree.lab.scenario;

import io.racefree.Database;
import io.racefree.lab.db.Engine;
import io.racefree.lab.model.Outcomes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One caller's connection with the few SQL moves the user-pattern strategies are made of. Every
 * SQL error is turned into a {@link CallerFailure} named by what it means.
 *
 * <p>Not thread-safe: one actor thread uses it.
 */
final class Actor {
  private final Connection connection;
  private final Engine engine;
  private final BorrowedConnection.Sessions more;
  private Database library;

  /** @param more opens further sessions, for the library when it needs a second connection */
  Actor(Connection connection, Engine engine, BorrowedConnection.Sessions more) {
    this.connection = connection;
    this.engine = engine;
    this.more = more;
  }

  Engine engine() {
    return engine;
  }

  Connection connection() {
    return connection;
  }

  /** The racefree library on this actor's connection, built once (it reads the catalog). */
  Database library() {
    if (library == null) {
      library = Database.of(new BorrowedConnection(connection, more));
    }
    return library;
  }

  /** Starts a transaction: autocommit off (the first statement begins it). */
  void begin() throws SQLException {
    connection.setAutoCommit(false);
  }

  void commit() throws SQLException {
    connection.commit();
  }

  /** Ends whatever transaction is open without letting a second error hide the first. */
  void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The connection is broken or has nothing open; the caller already has the real error.
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a query with int parameters and returns the first column of the first row, or null. */
  Long queryLong(String sql, long... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : null;
    }
  }

  /** Runs a query returning two longs of the first row, or null. */
  long[] queryPair(String sql, long... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? new long[] {rows.getLong(1), rows.getLong(2)} : null;
    }
  }

  int update(String sql, long... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  SqlProblem problem(SQLException e) {
    return SqlProblem.of(e, engine);
  }

  CallerFailure failure(SQLException e) {
    return new CallerFailure(problem(e).observation(), e);
  }

  static CallerFailure notFoundAfterDuplicate(SQLException duplicate) {
    return new CallerFailure(Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY, duplicate);
  }

  /** FOR UPDATE where the engine has it; SQLite has no row locks (its writer lock is global). */
  String forUpdate() {
    return engine == Engine.SQLITE ? "" : " FOR UPDATE";
  }

  private PreparedStatement prepare(String sql, long... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setLong(i + 1, parameters[i]);
    }
    return statement;
  }
}
