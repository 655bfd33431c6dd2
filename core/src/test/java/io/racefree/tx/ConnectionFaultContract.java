package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ConnectionLostException;
import io.racefree.support.ObservingDataSource;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection killed by the server in the middle of racefree's transaction: a typed
 * ConnectionLostException (not "outcome unknown": no COMMIT had started), and the connection is
 * aborted instead of being returned to the pool as healthy. Run against each server engine.
 */
abstract class ConnectionFaultContract {
  TestDatabase testDatabase;
  final AtomicInteger aborted = new AtomicInteger();
  Database db;

  abstract TestDatabase open();

  /** The statement that ends another session, given its server id. */
  abstract String killSql(long sessionId);

  /**
   * Whether {@code db.updateOrCreate} with plain values runs as auto-committed statements here
   * (PostgreSQL's atomic upsert), rather than in a transaction.
   */
  boolean updateOrCreateAutoCommits() {
    return false;
  }

  /** A query counting the server sessions with this id: 0 once a killed session is gone. */
  abstract String sessionCountSql(long sessionId);

  @BeforeEach
  void createSchema() {
    testDatabase = open();
    testDatabase.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
    db = Database.of(recordingAborts(testDatabase.dataSource()));
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  @Test
  void aConnectionKilledBeforeCommitIsAPlainConnectionLostAndIsAborted() throws SQLException {
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    try (Connection observer = testDatabase.connect()) {
      try {
        db.useTransaction(tx -> {
          long session = SessionProbe.of(tx.connection()).sessionId();
          execute(observer, killSql(session));
          tx.list("item", Map.of());
        });
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    }
    assertThat(thrown.get()).isInstanceOf(ConnectionLostException.class)
        .isNotInstanceOf(CommitOutcomeUnknownException.class);
    assertThat(aborted).as("the broken connection was aborted, not returned as healthy").hasValue(1);
    assertThat(db.list("item", Map.of())).isEmpty();
  }

  /**
   * The server ends the session right after COMMIT returned, before racefree restores the
   * connection (its isolation level, here): the transaction committed, so the caller gets its value,
   * not an error that would make it run the work again; the dead connection is aborted.
   */
  @Test
  void aConnectionKilledAfterCommitLeavesACommittedTransactionSucceeded() throws SQLException {
    AtomicReference<Long> session = new AtomicReference<>();
    try (Connection observer = testDatabase.connect()) {
      Database killingAfterCommit = killingAfterCommit(observer, session);
      String value = killingAfterCommit.withTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE), tx -> {
        session.set(SessionProbe.of(tx.connection()).sessionId());
        tx.insert("item", Map.of("id", 1, "name", "committed"));
        return "done";
      });
      assertThat(value).isEqualTo("done");
    }
    assertThat(db.list("item", Map.of())).hasSize(1);
    assertThat(aborted).as("the dead connection was aborted, not returned as healthy").hasValue(1);
  }

  /**
   * The same with a named lock: on MariaDB/MySQL racefree releases GET_LOCK after COMMIT, on a
   * connection that is dead by then. The session's locks ended with it, so the committed
   * transaction is still a success: its value returned, its onCommit hook run, the lock free.
   */
  @Test
  void aConnectionKilledAfterCommitWithANamedLockHeldLeavesTheTransactionSucceeded() throws SQLException {
    AtomicReference<Long> session = new AtomicReference<>();
    AtomicInteger hooks = new AtomicInteger();
    try (Connection observer = testDatabase.connect()) {
      Database killingAfterCommit = killingAfterCommit(observer, session);
      // SERIALIZABLE: restoring the level afterwards talks to the server, so racefree sees the
      // dead connection on every engine (PostgreSQL has no lock to release) and aborts it.
      String value = killingAfterCommit.withTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE), tx -> {
        session.set(SessionProbe.of(tx.connection()).sessionId());
        tx.lock("fault-test-lock");
        tx.insert("item", Map.of("id", 2, "name", "locked"));
        tx.onCommit(hooks::incrementAndGet);
        return "done";
      });
      assertThat(value).isEqualTo("done");
    }
    assertThat(hooks).as("the onCommit hook ran").hasValue(1);
    assertThat(aborted).as("the dead connection was aborted, not returned as healthy").hasValue(1);
    assertThat(db.list("item", Map.of())).hasSize(1);
    assertThat(db.<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock("fault-test-lock", java.time.Duration.ZERO)))
        .as("nobody holds the lock").isTrue();
  }

  /**
   * {@code db.getOrCreate} creates a row with one insert that commits by itself: a connection lost
   * while that insert runs may have committed it, so the caller is told the outcome is unknown, and
   * the call is not retried (a retry would report the row as found, not created).
   */
  @Test
  void aConnectionKilledWhileTheAutoCommittedInsertRunsIsOutcomeUnknown() throws SQLException {
    AtomicInteger attempts = new AtomicInteger();
    try (Connection observer = testDatabase.connect()) {
      Database killingAtInsert = killingWhenPrepared(observer, "INSERT");
      assertThatThrownBy(() -> killingAtInsert.getOrCreate("item", Map.of("id", 1), Map.of("name", "a"),
              io.racefree.upsert.UpsertOptions.defaults(), countingAttempts(attempts)))
          .isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("auto-commit");
    }
    assertThat(attempts).as("one attempt, reported as not retried").hasValue(1);
    assertThat(aborted).as("the broken connection was aborted").hasValue(1);
    assertThat(db.find("item", Map.of("id", 1))).as("killed before it ran: nothing committed").isEmpty();
  }

  /**
   * {@code db.updateOrCreate} of an existing row: where it auto-commits (PostgreSQL), a connection
   * lost during its UPDATE is an unknown outcome; elsewhere its transaction had not committed.
   */
  @Test
  void aConnectionKilledDuringUpdateOrCreateIsUnknownOnlyWhereItAutoCommits() throws SQLException {
    db.insert("item", Map.of("id", 1, "name", "a"));
    AtomicInteger attempts = new AtomicInteger();
    try (Connection observer = testDatabase.connect()) {
      Database killingAtUpdate = killingWhenPrepared(observer, "UPDATE");
      org.assertj.core.api.AbstractThrowableAssert<?, ?> thrown = assertThatThrownBy(() ->
          killingAtUpdate.updateOrCreate("item", Map.of("id", 1), Map.of("name", "b"), null,
              io.racefree.upsert.UpsertOptions.defaults(), countingAttempts(attempts)))
          .isInstanceOf(ConnectionLostException.class);
      if (updateOrCreateAutoCommits()) {
        thrown.isInstanceOf(CommitOutcomeUnknownException.class);
      } else {
        thrown.isNotInstanceOf(CommitOutcomeUnknownException.class);
      }
    }
    assertThat(attempts).hasValue(1);
    assertThat(aborted).hasValue(1);
    assertThat(db.get("item", Map.of("id", 1)).getString("name")).isEqualTo("a");
  }

  /** A database that kills its session when a statement starting with {@code prefix} is prepared. */
  private Database killingWhenPrepared(Connection observer, String prefix) {
    return Database.of(new ObservingDataSource(recordingAborts(testDatabase.dataSource()),
        (method, args, result) -> {
          if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith(prefix)) {
            try {
              killAndWaitUntilGone(observer, SessionProbe.of(((Statement) result).getConnection()).sessionId());
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
          return result;
        }));
  }

  private static TransactionOptions countingAttempts(AtomicInteger attempts) {
    return TransactionOptions.defaults().withRetry(RetryPolicy.standard().withListener(attempt -> attempts.incrementAndGet()));
  }

  /** A database whose COMMIT returns only once {@code session} (set by the transaction) was killed. */
  private Database killingAfterCommit(Connection observer, AtomicReference<Long> session) {
    return Database.of(new ObservingDataSource(recordingAborts(testDatabase.dataSource()),
        (method, args, result) -> {
          if (method.getName().equals("commit") && session.get() != null) {
            killAndWaitUntilGone(observer, session.get());
          }
          return result;
        }));
  }

  private void killAndWaitUntilGone(Connection observer, long session) {
    try {
      execute(observer, killSql(session));
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        try (Statement statement = observer.createStatement();
            java.sql.ResultSet count = statement.executeQuery(sessionCountSql(session))) {
          count.next();
          if (count.getLong(1) == 0) {
            return;
          }
        }
      }
      throw new AssertionError("session " + session + " was still there 10 s after it was killed");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Through HikariCP with one connection: the pool evicts the aborted one and the next call works. */
  @Test
  void aPoolOfOneHandsOutAFreshConnectionAfterTheKilledOneWasAborted() throws SQLException {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(testDatabase.jdbcUrl());
    config.setUsername(testDatabase.user());
    config.setPassword(testDatabase.password());
    config.setMaximumPoolSize(1);
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        Connection observer = testDatabase.connect()) {
      Database pooled = Database.of(recordingAborts(pool));
      long[] killed = new long[1];
      try {
        pooled.useTransaction(tx -> {
          killed[0] = SessionProbe.of(tx.connection()).sessionId();
          execute(observer, killSql(killed[0]));
          tx.list("item", Map.of());
        });
      } catch (ConnectionLostException expected) {
        // the kill, typed
      }
      assertThat(aborted).hasValue(1);
      long next = pooled.withSession(session -> SessionProbe.of(session.connection()).sessionId());
      assertThat(next).as("a new server session, not the killed one").isNotEqualTo(killed[0]);
      assertThat(pooled.list("item", Map.of())).isEmpty();
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The test database's connections, counting the calls of abort(). */
  DataSource recordingAborts(DataSource target) {
    return new ObservingDataSource(target, (method, args, result) -> {
      if (method.getName().equals("abort")) {
        aborted.incrementAndGet();
      }
      return result;
    });
  }
}
