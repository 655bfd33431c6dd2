package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.H2;
import static io.racefree.error.Concurrently.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.BlockedSessions;
import io.racefree.testing.SessionProbe;
import java.sql.Connection;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Provokes H2 errors on an in-memory database of its own, with real concurrent sessions. */
@Tag("h2")
class H2ErrorTranslationIT {
  private final String url = "jdbc:h2:mem:rf_err_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final List<Connection> connections = new ArrayList<>();
  private final Concurrently concurrently = new Concurrently();
  private Connection admin;

  @BeforeEach
  void createTable() throws SQLException {
    admin = session();
    execute(
        admin,
        "CREATE TABLE item (id INT PRIMARY KEY, k VARCHAR(20), v INT, CONSTRAINT uk_k UNIQUE (k))");
    execute(admin, "INSERT INTO item VALUES (1, 'a', 0), (2, 'b', 0)");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    concurrently.close();
    for (Connection connection : connections) {
      connection.close();
    }
    try (Connection last = DriverManager.getConnection(url)) {
      execute(last, "SHUTDOWN");
    }
  }

  @Test
  void duplicateKeyIsUniqueViolationNamingTheConstraint() throws SQLException {
    RacefreeException error = translated(session(), "INSERT INTO item VALUES (3, 'a', 0)");

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("UK_K");
    assertThat(error.getMessage()).contains("(values hidden)").doesNotContain("/* 1 */");
  }

  @Test
  void crossedRowLocksAreDeadlock() throws Exception {
    Connection first = transaction();
    Connection second = transaction();
    execute(first, "UPDATE item SET v = 1 WHERE id = 1");
    execute(second, "UPDATE item SET v = 2 WHERE id = 2");

    SessionProbe firstSession = SessionProbe.of(first);
    var firstWaits = concurrently.start(() -> execute(first, "UPDATE item SET v = 1 WHERE id = 2"));
    BlockedSessions.awaitWaiting(admin, firstSession, Duration.ofSeconds(30));
    var secondWaits =
        concurrently.start(() -> execute(second, "UPDATE item SET v = 2 WHERE id = 1"));
    SQLException victim = Concurrently.onlyFailure(List.of(firstWaits, secondWaits));

    RacefreeException error = SqlErrorTranslator.translate("deadlock", "UPDATE item", victim, H2);
    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void updateOfRowChangedAfterRepeatableReadSnapshotIsSerializationFailure() throws SQLException {
    Connection reader = transaction();
    reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    execute(reader, "SELECT v FROM item WHERE id = 1");
    execute(session(), "UPDATE item SET v = 5 WHERE id = 1");

    execute(reader, "INSERT INTO item VALUES (3, 'c', 0)");

    RacefreeException error = translated(reader, "UPDATE item SET v = v + 1 WHERE id = 1");

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.vendorCode()).isEqualTo(40001);
    assertThat(error.isRetryable()).isTrue();
    assertThat(count(reader, "SELECT COUNT(*) FROM item WHERE id = 3"))
        .as("H2 rolled back the whole transaction")
        .isZero();
  }

  @Test
  void lockTimeoutIsLockTimeout() throws SQLException {
    Connection holder = transaction();
    execute(holder, "UPDATE item SET v = 1 WHERE id = 1");
    Connection waiter = transaction();
    execute(waiter, "SET LOCK_TIMEOUT 50");
    execute(waiter, "INSERT INTO item VALUES (3, 'c', 0)");

    RacefreeException error = translated(waiter, "UPDATE item SET v = 2 WHERE id = 1");

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.vendorCode()).isEqualTo(50200);
    assertThat(SqlErrorTranslator.abortsTransaction(error.category(), H2)).isFalse();
    assertThat(count(waiter, "SELECT COUNT(*) FROM item WHERE id = 3"))
        .as("the earlier insert of the same transaction survives")
        .isEqualTo(1);
  }

  @Test
  void nowaitOnLockedRowIsLockNotAvailable() throws SQLException {
    Connection holder = transaction();
    execute(holder, "SELECT * FROM item WHERE id = 1 FOR UPDATE");
    Connection waiter = transaction();

    SQLException failure =
        expectFailure(() -> execute(waiter, "SELECT * FROM item WHERE id = 1 FOR UPDATE NOWAIT"));

    assertThat(SqlErrorTranslator.categoryOf(failure, H2))
        .as("told apart by H2's cause, even without the SQL")
        .isEqualTo(ErrorCategory.LOCK_NOT_AVAILABLE);
  }



  private static RacefreeException translated(Connection connection, String sql) {
    SQLException failure = expectFailure(() -> execute(connection, sql));
    return SqlErrorTranslator.translate("test", sql, failure, H2);
  }

  private Connection session() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    connections.add(connection);
    return connection;
  }

  private Connection transaction() throws SQLException {
    Connection connection = session();
    connection.setAutoCommit(false);
    return connection;
  }

  private static int count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
