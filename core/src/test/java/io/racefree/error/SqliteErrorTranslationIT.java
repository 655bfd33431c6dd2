package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.SQLITE;
import static io.racefree.error.Concurrently.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provokes SQLite errors through xerial sqlite-jdbc on a WAL database file of its own. */
@Tag("sqlite")
class SqliteErrorTranslationIT {
  @TempDir Path directory;
  private final List<Connection> connections = new ArrayList<>();

  @BeforeEach
  void createTable() throws SQLException {
    Connection setup = session();
    execute(setup, "PRAGMA journal_mode = WAL");
    execute(setup, "CREATE TABLE item (id INTEGER PRIMARY KEY, k TEXT UNIQUE, v INT)");
    execute(setup, "INSERT INTO item VALUES (1, 'a', 0), (2, 'b', 0)");
  }

  @AfterEach
  void closeSessions() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
  }

  @Test
  void duplicateKeyIsUniqueViolationNamingTheColumn() throws SQLException {
    Connection session = session();
    SQLException failure =
        expectFailure(() -> execute(session, "INSERT INTO item VALUES (3, 'a', 0)"));

    RacefreeException error = SqlErrorTranslator.translate("test", "INSERT", failure, SQLITE);

    assertThat(failure.getSQLState()).as("xerial sets no SQLState").isNull();
    assertThat(failure.getErrorCode()).as("primary result code").isEqualTo(19);
    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("item.k");
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void writeLockHeldPastBusyTimeoutIsLockTimeout() throws SQLException {
    Connection holder = session();
    execute(holder, "BEGIN IMMEDIATE");
    Connection waiter = session();
    execute(waiter, "PRAGMA busy_timeout = 50");

    RacefreeException error = translated(waiter, "BEGIN IMMEDIATE");

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.vendorCode()).isEqualTo(5);
    assertThat(error.isRetryable()).isTrue();
    execute(holder, "ROLLBACK");
  }

  @Test
  void writeFromStaleWalSnapshotIsSerializationFailure() throws SQLException {
    Connection reader = session();
    execute(reader, "BEGIN");
    execute(reader, "SELECT count(*) FROM item");
    execute(session(), "INSERT INTO item VALUES (3, 'c', 0)");

    RacefreeException error = translated(reader, "INSERT INTO item VALUES (4, 'd', 0)");

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
    assertThat(SqlErrorTranslator.abortsTransaction(error.category(), SQLITE)).isTrue();
    execute(reader, "ROLLBACK");
  }

  private static RacefreeException translated(Connection connection, String sql) {
    SQLException failure = expectFailure(() -> execute(connection, sql));
    return SqlErrorTranslator.translate("test", sql, failure, SQLITE);
  }

  private Connection session() throws SQLException {
    Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("errors.db"));
    connections.add(connection);
    return connection;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
