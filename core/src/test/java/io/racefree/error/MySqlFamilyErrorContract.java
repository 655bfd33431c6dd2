package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.MARIADB;
import static io.racefree.error.Concurrently.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.BlockedSessions;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
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
import org.junit.jupiter.api.Test;

/**
 * Errors every MySQL-family driver must get right against the MariaDB server; subclassed per
 * driver. Each test works in its own database from the testing kit's fixtures, dropped afterwards.
 */
abstract class MySqlFamilyErrorContract {
  private TestDatabase database;
  private final List<Connection> connections = new ArrayList<>();
  private final Map<Connection, Long> threadIds = new IdentityHashMap<>();
  protected final Concurrently concurrently = new Concurrently();
  protected Connection admin;

  /** A fresh database on the MariaDB server, through the driver under test. */
  protected abstract TestDatabase newDatabase();

  @BeforeEach
  void createDatabase() throws SQLException {
    database = newDatabase();
    admin = rawConnection();
    execute(
        admin,
        "CREATE TABLE item (id INT PRIMARY KEY, k VARCHAR(20), v INT, UNIQUE KEY uk_k (k))"
            + " ENGINE=InnoDB");
    execute(admin, "INSERT INTO item VALUES (1, 'a', 0), (2, 'b', 0)");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    concurrently.close();
    for (Connection connection : connections) {
      connection.close();
    }
    admin.close();
    database.close();
  }

  @Test
  void duplicateKeyIsUniqueViolationNamingTheKey() throws SQLException {
    RacefreeException error = translated(session(), "INSERT INTO item VALUES (3, 'a', 0)");

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("uk_k");
    assertThat(error.vendorCode()).isEqualTo(1062);
    assertThat(error.isRetryable()).isFalse();
  }

  /** Issue 10 item 14: the key comes from the message's shape, not its English words. */
  @Test
  void duplicateKeyIsNamedWithItsValueHiddenInAnyLanguageAndWithANewlineInTheValue() throws SQLException {
    execute(admin, "INSERT INTO item VALUES (5, 'geheim\\nwert', 0)");
    for (String language : List.of("en_US", "de_DE", "fr_FR")) {
      Connection connection = session();
      execute(connection, "SET SESSION lc_messages = '" + language + "'");
      for (String value : List.of("a", "geheim\\nwert")) {
        String sql = "INSERT INTO item VALUES (9, ?, 0)";
        SQLException failure = expectFailure(() -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value.replace("\\n", "\n"));
            statement.executeUpdate();
          }
        });
        RacefreeException error = SqlErrorTranslator.translate("test", sql, failure, MARIADB);
        assertThat(error).as(language).isInstanceOf(UniqueViolationException.class);
        assertThat(((UniqueViolationException) error).constraintName()).as(language).isEqualTo("uk_k");
        assertThat(error.getMessage()).as(language).doesNotContain("geheim").doesNotContain("wert")
            .doesNotContain("'a'").contains("(value hidden)");
      }
    }
  }

  @Test
  void crossedRowLocksAreDeadlockThatRollsBackTheTransaction() throws Exception {
    Connection first = transaction();
    Connection second = transaction();
    execute(first, "SET SESSION innodb_lock_wait_timeout = 20"); // bounds a hang if detection fails
    execute(second, "SET SESSION innodb_lock_wait_timeout = 20");
    execute(first, "UPDATE item SET v = 1 WHERE id = 1");
    execute(second, "UPDATE item SET v = 2 WHERE id = 2");

    SessionProbe firstSession = SessionProbe.of(first);
    var firstWaits = concurrently.start(() -> execute(first, "UPDATE item SET v = 1 WHERE id = 2"));
    BlockedSessions.awaitWaiting(admin, firstSession, Duration.ofSeconds(30));
    var secondWaits =
        concurrently.start(() -> execute(second, "UPDATE item SET v = 2 WHERE id = 1"));
    SQLException victim = Concurrently.onlyFailure(List.of(firstWaits, secondWaits));

    RacefreeException error =
        SqlErrorTranslator.translate("deadlock", "UPDATE item", victim, MARIADB);
    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.vendorCode()).isEqualTo(1213);
    assertThat(error.isRetryable()).isTrue();
    assertThat(SqlErrorTranslator.abortsTransaction(error.category(), MARIADB)).isTrue();
  }

  @Test
  void lockWaitTimeoutIsLockTimeoutThatKeepsTheTransaction() throws SQLException {
    Connection holder = transaction();
    execute(holder, "UPDATE item SET v = 1 WHERE id = 1");
    Connection waiter = transaction();
    execute(waiter, "SET SESSION innodb_lock_wait_timeout = 1");
    execute(waiter, "INSERT INTO item VALUES (3, 'c', 0)");

    RacefreeException error = translated(waiter, "UPDATE item SET v = 2 WHERE id = 1");

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.vendorCode()).isEqualTo(1205);
    assertThat(error.isRetryable()).isTrue();
    assertThat(SqlErrorTranslator.abortsTransaction(error.category(), MARIADB)).isFalse();
    assertThat(queryLong(waiter, "SELECT COUNT(*) FROM item WHERE id = 3"))
        .as("the earlier insert of the same transaction survives")
        .isEqualTo(1);
  }

  protected RacefreeException translated(Connection connection, String sql) {
    SQLException failure = expectFailure(() -> execute(connection, sql));
    return SqlErrorTranslator.translate("test", sql, failure, MARIADB);
  }








  protected long threadIdOf(Connection session) {
    return threadIds.get(session);
  }

  protected Connection session() throws SQLException {
    Connection connection = rawConnection();
    connections.add(connection);
    threadIds.put(connection, queryLong(connection, "SELECT CONNECTION_ID()"));
    return connection;
  }

  protected Connection transaction() throws SQLException {
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

  protected static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  protected static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
