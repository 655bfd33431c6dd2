package io.racefree.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** awaitBlocked sees a session waiting on a row lock; subclassed per server engine and H2. */
abstract class BlockedSessionsContract {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  abstract TestDatabase create();

  /** Makes the waiting session wait long enough (H2 gives up after one second by default). */
  void allowLongLockWaits(Connection connection) throws SQLException {}

  @Test
  void awaitBlockedReturnsOnceTheSecondWriterWaitsForTheRowLock() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(TIMEOUT);
        Connection t1 = db.connect(); Connection t2 = db.connect(); Connection observer = db.connect()) {
      db.execute("CREATE TABLE counter (id INT PRIMARY KEY, v INT)", "INSERT INTO counter VALUES (1, 0)");
      SessionProbe t2Session = SessionProbe.of(t2);
      allowLongLockWaits(t2);
      race.actor("T1", () -> inTransaction(t1, () -> {
        increment(t1);
        race.reach("T1 holds the row lock");
        race.awaitBlocked("T2", observer, t2Session);
      }));
      race.actor("T2", () -> {
        race.await("T1 holds the row lock");
        inTransaction(t2, () -> increment(t2));
      });
      race.run();
    }
  }

  @Test
  void awaitBlockedFailsNamingTheSessionWhenTheStatementFinishesInstead() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(TIMEOUT);
        Connection t2 = db.connect(); Connection observer = db.connect()) {
      db.execute("CREATE TABLE counter (id INT PRIMARY KEY, v INT)", "INSERT INTO counter VALUES (1, 0)");
      SessionProbe t2Session = SessionProbe.of(t2);
      race.actor("T1", () -> race.awaitBlocked("T2", observer, t2Session));
      race.actor("T2", () -> increment(t2));
      assertThat(race.runCollecting().of("T1").failure())
          .isInstanceOf(SessionNotBlockedError.class)
          .hasMessageContaining("T2 finished instead of waiting on a lock")
          .hasMessageContaining(t2Session.toString());
    }
  }

  @Test
  void timeoutReportSaysWhichActorIsBlockedInTheDatabase() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(Duration.ofSeconds(2));
        Connection t1 = db.connect(); Connection t2 = db.connect()) {
      db.execute("CREATE TABLE counter (id INT PRIMARY KEY, v INT)", "INSERT INTO counter VALUES (1, 0)");
      allowLongLockWaits(t2);
      race.actor("T1", () -> inTransaction(t1, () -> {
        increment(t1);
        race.reach("T1 holds the row lock");
        race.await("a phase nobody reaches");
      }));
      race.actor("T2", () -> {
        race.await("T1 holds the row lock");
        inTransaction(t2, () -> increment(t2));
      });
      assertThatThrownBy(race::run)
          .isInstanceOf(InterleavingTimeoutError.class)
          .hasMessageContaining("T1 is waiting for phase 'a phase nobody reaches'")
          .hasMessageContaining("T2 is blocked in the database (probably on a lock it will never get)")
          .hasMessageContaining("All actors ended after being interrupted");
    }
  }

  /** Runs {@code body} in a transaction and always gives the connection back in autocommit. */
  static void inTransaction(Connection connection, ActorBody body) throws Exception {
    connection.setAutoCommit(false);
    try {
      body.run();
      connection.commit();
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  static void increment(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE counter SET v = v + 1 WHERE id = 1");
    }
  }
}
