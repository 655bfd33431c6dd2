package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Begins, commits and rolls back an outermost transaction the way each engine needs. SQLite is
 * driven with SQL on an auto-commit connection ({@code BEGIN IMMEDIATE} / {@code BEGIN}, {@code
 * COMMIT}, {@code ROLLBACK}, {@code PRAGMA query_only} for read-only), because its driver can only
 * begin a deferred transaction. Stateless. Not API.
 */
final class TransactionControl {
  private TransactionControl() {}

  /**
   * Begins a transaction and returns the isolation level it really runs at. Reads the connection's
   * level at most once (none on SQLite) and records in {@code saved} a level it changes.
   */
  static Isolation begin(
      Connection connection, Dialect dialect, TransactionOptions options, ConnectionState saved)
      throws SQLException {
    if (options.readOnly()) {
      dialect.require(Feature.READ_ONLY_TRANSACTIONS, "begin read-only transaction");
    }
    if (dialect.controlsTransactionsWithSql()) {
      Isolation effective = dialect.effectiveIsolation(
          options.isolation() != null ? options.isolation() : Isolation.SERIALIZABLE);
      if (options.readOnly()) {
        executeSql(connection, "PRAGMA query_only = 1");
      }
      executeSql(connection, options.takesSqliteWriteLockFirst() ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
      return effective;
    }
    int current = connection.getTransactionIsolation();
    Isolation effective = effectiveIsolation(connection, dialect, options.isolation(), current);
    // The level set is the effective one: where racefree runs a stronger level than asked or than
    // the connection has (H2's READ UNCOMMITTED as READ COMMITTED), the server must run it too.
    if (current != effective.jdbcLevel()) {
      saved.isolationChangedFrom(current);
      connection.setTransactionIsolation(effective.jdbcLevel());
    }
    if (options.readOnly()) {
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
    return effective;
  }

  private static Isolation effectiveIsolation(
      Connection connection, Dialect dialect, Isolation requested, int current) throws SQLException {
    Isolation asked = requested != null ? requested : Isolation.fromJdbc(current);
    Isolation effective = asked == null ? null : dialect.effectiveIsolation(asked);
    if (effective == null
        || (requested != null
            && !connection.getMetaData().supportsTransactionIsolationLevel(requested.jdbcLevel()))) {
      throw new UnsupportedFeatureException(
          ErrorDetails.of("begin transaction", dialect.kind()),
          dialect + " cannot run a transaction at " + asked,
          "choose an isolation level the database supports",
          null);
    }
    return effective;
  }

  static void commit(Connection connection, Dialect dialect) throws SQLException {
    if (dialect.controlsTransactionsWithSql()) {
      executeSql(connection, "COMMIT");
    } else {
      connection.commit();
    }
  }

  static void rollback(Connection connection, Dialect dialect) throws SQLException {
    if (dialect.controlsTransactionsWithSql()) {
      executeSql(connection, "ROLLBACK");
    } else {
      connection.rollback();
    }
  }

  /** Undoes what {@link #begin} changed beyond the JDBC connection state. */
  static void end(Connection connection, Dialect dialect, TransactionOptions options)
      throws SQLException {
    if (dialect.controlsTransactionsWithSql() && options.readOnly()) {
      executeSql(connection, "PRAGMA query_only = 0");
    }
  }

  static void savepoint(JdbcHandle handle, String name) {
    handle.dialect().require(Feature.SAVEPOINTS, "nested transaction");
    handle.update("nested transaction: savepoint", "SAVEPOINT " + name, java.util.List.of());
  }

  static void releaseSavepoint(JdbcHandle handle, String name) {
    handle.update("nested transaction: release savepoint", "RELEASE SAVEPOINT " + name, java.util.List.of());
  }

  static void rollbackToSavepoint(Connection connection, String name) throws SQLException {
    executeSql(connection, "ROLLBACK TO SAVEPOINT " + name);
  }

  static void executeSql(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
