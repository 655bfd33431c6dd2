package io.racefree.testing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcomes;
import io.racefree.testing.leak.LeakError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract every {@link TestDatabase} keeps; subclassed once per database, tagged with its name. */
abstract class TestDatabaseContract {

  abstract TestDatabase create();

  abstract String expectedName();

  @Test
  void eachTestDatabaseIsAFreshEmptyNamespace() throws SQLException {
    try (TestDatabase first = create(); TestDatabase second = create()) {
      assertThat(first.name()).isEqualTo(expectedName());
      first.execute("CREATE TABLE item (k VARCHAR(20) PRIMARY KEY)", "INSERT INTO item VALUES ('a')");
      second.execute("CREATE TABLE item (k VARCHAR(20) PRIMARY KEY)");
      assertThat(count(first, "item")).isEqualTo(1);
      assertThat(count(second, "item")).isEqualTo(0);
    }
  }

  /** The seed: get-or-create read-then-insert loses the race with a duplicate-key error. */
  @Test
  void seedInterleavingEndsInDuplicateKeyForTheLateInserter() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(Duration.ofSeconds(20));
        Connection t1 = db.connect(); Connection t2 = db.connect()) {
      db.execute("CREATE TABLE item (k VARCHAR(20) PRIMARY KEY)");
      race.actor("T1", () -> {
        boolean found = exists(t1, "a");
        race.reach("T1 read");
        race.await("T2 committed");
        insert(t1, "a");
        return found;
      });
      race.actor("T2", () -> {
        race.await("T1 read");
        insert(t2, "a");
        race.reach("T2 committed");
      });
      Outcomes outcomes = race.runCollecting();
      assertThat(outcomes.of("T2").succeeded()).isTrue();
      assertThat(outcomes.of("T1").failure()).isInstanceOf(SQLException.class);
      assertThat(count(db, "item")).isEqualTo(1);
    }
  }

  @Test
  void closeFailsWhenAConnectionWasNeverClosed() {
    TestDatabase db = create();
    db.connect();
    assertThatThrownBy(db::close).isInstanceOf(LeakError.class)
        .hasMessageContaining("CONNECTION_NOT_CLOSED")
        .hasMessageContaining("TestDatabaseContract.java");
  }

  @Test
  void closeFailsWhenAConnectionWasGivenBackInATransaction() throws SQLException {
    TestDatabase db = create();
    db.execute("CREATE TABLE item (k VARCHAR(20) PRIMARY KEY)");
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      insert(connection, "a");
    }
    assertThatThrownBy(db::close).isInstanceOf(LeakError.class).hasMessageContaining("AUTOCOMMIT_OFF");
  }

  static boolean exists(Connection connection, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT k FROM item WHERE k = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  static void insert(Connection connection, String key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (k) VALUES (?)")) {
      insert.setString(1, key);
      insert.executeUpdate();
    }
  }

  static long count(TestDatabase db, String table) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }
}
