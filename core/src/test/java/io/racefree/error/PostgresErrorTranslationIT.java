package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.POSTGRESQL;
import static io.racefree.error.Concurrently.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.BlockedSessions;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Provokes each error category on a real PostgreSQL and checks the translation. */
@Tag("postgresql")
class PostgresErrorTranslationIT {
  private TestDatabase database;
  private final List<Connection> connections = new ArrayList<>();
  private final Map<Connection, Integer> pids = new IdentityHashMap<>();
  private final Concurrently concurrently = new Concurrently();
  private Connection admin;

  @BeforeEach
  void createSchema() throws SQLException {
    database = TestDatabases.postgres();
    admin = rawConnection();
    execute(admin, "CREATE TABLE item (id INT PRIMARY KEY, k TEXT UNIQUE, v INT)");
    execute(admin, "INSERT INTO item VALUES (1, 'a', 0), (2, 'b', 0)");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    concurrently.close();
    for (Connection connection : connections) {
      connection.close();
    }
    admin.close();
    database.close();
  }

  @Test
  void duplicateKeyIsUniqueViolationNamingTheConstraint() throws SQLException {
    Connection session = session();

    RacefreeException error = translated(session, "INSERT INTO item VALUES (3, 'a', 0)");

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("item_k_key");
    assertThat(error.isRetryable()).isFalse();
    assertThat(error.sqlState()).isEqualTo("23505");
  }

  @Test
  void crossedRowLocksAreDeadlock() throws Exception {
    Connection first = transaction();
    Connection second = transaction();
    execute(first, "SET deadlock_timeout = '50ms'");
    execute(second, "SET deadlock_timeout = '50ms'");
    execute(first, "UPDATE item SET v = 1 WHERE id = 1");
    execute(second, "UPDATE item SET v = 2 WHERE id = 2");

    SessionProbe firstSession = SessionProbe.of(first);
    var firstWaits = concurrently.start(() -> execute(first, "UPDATE item SET v = 1 WHERE id = 2"));
    BlockedSessions.awaitWaiting(admin, firstSession, Duration.ofSeconds(30));
    var secondWaits =
        concurrently.start(() -> execute(second, "UPDATE item SET v = 2 WHERE id = 1"));
    SQLException victim = Concurrently.onlyFailure(List.of(firstWaits, secondWaits));

    RacefreeException error =
        SqlErrorTranslator.translate("deadlock", "UPDATE item", victim, POSTGRESQL);
    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @ParameterizedTest(name = "isolation level {0}")
  @ValueSource(ints = {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
  void updateOfRowChangedAfterSnapshotIsSerializationFailure(int isolation) throws SQLException {
    Connection reader = transaction();
    reader.setTransactionIsolation(isolation);
    execute(reader, "SELECT v FROM item WHERE id = 1");
    execute(session(), "UPDATE item SET v = 5 WHERE id = 1");

    RacefreeException error = translated(reader, "UPDATE item SET v = v + 1 WHERE id = 1");

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void lockTimeoutIsLockTimeout() throws SQLException {
    Connection holder = transaction();
    execute(holder, "UPDATE item SET v = 1 WHERE id = 1");
    Connection waiter = session();
    execute(waiter, "SET lock_timeout = '100ms'");

    RacefreeException error = translated(waiter, "UPDATE item SET v = 2 WHERE id = 1");

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.sqlState()).isEqualTo("55P03");
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void nowaitOnLockedRowIsLockNotAvailable() throws SQLException {
    Connection holder = transaction();
    execute(holder, "SELECT * FROM item WHERE id = 1 FOR UPDATE");

    RacefreeException error =
        translated(session(), "SELECT * FROM item WHERE id = 1 FOR UPDATE NOWAIT");

    assertThat(error).isInstanceOf(LockNotAvailableException.class);
    assertThat(error.sqlState()).isEqualTo("55P03");
  }

  @Test
  void statementAfterFailedStatementIsTransactionAborted() throws SQLException {
    Connection session = transaction();
    RacefreeException first = translated(session, "INSERT INTO item VALUES (3, 'a', 0)");

    RacefreeException error = translated(session, "SELECT 1");

    assertThat(SqlErrorTranslator.abortsTransaction(first.category(), POSTGRESQL)).isTrue();
    assertThat(error).isInstanceOf(TransactionAbortedException.class);
    assertThat(error.sqlState()).isEqualTo("25P02");
  }

  @Test
  void terminatedBackendIsConnectionLost() throws SQLException {
    Connection victim = session();
    int pid = queryInt(victim, "SELECT pg_backend_pid()");
    queryInt(admin, "SELECT CASE WHEN pg_terminate_backend(" + pid + ") THEN 1 ELSE 0 END");

    RacefreeException error = translated(victim, "SELECT 1");

    assertThat(error).isInstanceOf(ConnectionLostException.class);
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void statementTimeoutIsQueryTimeout() throws SQLException {
    Connection session = session();
    execute(session, "SET statement_timeout = '100ms'");

    RacefreeException error = translated(session, "SELECT pg_sleep(30)");

    assertThat(error).isInstanceOf(QueryTimeoutException.class);
    assertThat(error.sqlState()).isEqualTo("57014");
  }

  private RacefreeException translated(Connection connection, String sql) {
    SQLException failure = expectFailure(() -> execute(connection, sql));
    return SqlErrorTranslator.translate("test", sql, failure, POSTGRESQL);
  }


  private Connection session() throws SQLException {
    Connection connection = rawConnection();
    connections.add(connection);
    pids.put(connection, queryInt(connection, "SELECT pg_backend_pid()"));
    return connection;
  }

  private Connection transaction() throws SQLException {
    Connection connection = session();
    connection.setAutoCommit(false);
    return connection;
  }

  /**
   * A connection outside the kit's leak check: these tests leave transactions open and aborted on
   * purpose, and close the connections themselves.
   */
  private Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int queryInt(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
