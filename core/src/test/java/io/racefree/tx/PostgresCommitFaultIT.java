package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.Database;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ConnectionLostException;
import io.racefree.support.AbstractDataSource;
import io.racefree.testing.Interleaving;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A connection killed while the server runs COMMIT (held there by a deferred constraint trigger that
 * waits for an advisory lock the test holds): the outcome is unknown, and racefree says so with its
 * own type, runs no commit hook, does not retry, and aborts the connection instead of returning it
 * to the pool. Only PostgreSQL lets a test hold a COMMIT open (deferred triggers); on the other
 * engines the same code path runs when the connection breaks during COMMIT.
 */
@Tag("postgresql")
class PostgresCommitFaultIT {
  private TestDatabase testDatabase;
  private final AtomicInteger aborted = new AtomicInteger();
  private Database db;

  @BeforeEach
  void createSchema() {
    testDatabase = TestDatabases.postgres();
    testDatabase.execute(
        "CREATE TABLE item (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(50) NOT NULL)",
        "CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_advisory_xact_lock(424242); RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER commit_gate AFTER INSERT ON item DEFERRABLE INITIALLY DEFERRED"
            + " FOR EACH ROW EXECUTE FUNCTION wait_at_commit()");
    db = Database.of(recordingAborts(testDatabase.dataSource()));
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  @Test
  void aConnectionLostDuringCommitIsCommitOutcomeUnknownWithNoHookNoRetryAndAnAbortedConnection()
      throws SQLException {
    AtomicInteger hooks = new AtomicInteger();
    AtomicReference<SessionProbe> session = new AtomicReference<>();
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    List<RetryAttempt> attempts = new CopyOnWriteArrayList<>();
    try (Connection holder = testDatabase.connect(); Connection observer = testDatabase.connect();
        Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      execute(holder, "SELECT pg_advisory_lock(424242)");
      race.actor("T1", () -> {
        try {
          db.useTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard().withListener(attempts::add)), tx -> {
            tx.onCommit(hooks::incrementAndGet);
            session.set(SessionProbe.of(tx.connection()));
            tx.insert("item", Map.of("name", "a"));
            race.reach("inserted");
          });
        } catch (RuntimeException e) {
          thrown.set(e);
        }
      });
      race.actor("killer", () -> {
        race.await("inserted");
        race.awaitBlocked("T1", observer, session.get());
        execute(observer, "SELECT pg_terminate_backend(" + session.get().sessionId() + ")");
      });
      race.run();
      execute(holder, "SELECT pg_advisory_unlock(424242)");
    }
    assertThat(thrown.get())
        .isInstanceOf(CommitOutcomeUnknownException.class)
        .isInstanceOf(ConnectionLostException.class)
        .hasMessageContaining("during COMMIT").hasMessageContaining("do not assume either outcome");
    assertThat(((CommitOutcomeUnknownException) thrown.get()).sql()).isEqualTo("COMMIT");
    assertThat(hooks).hasValue(0);
    assertThat(attempts).extracting(RetryAttempt::willRetry).containsExactly(false);
    assertThat(aborted).as("the broken connection was aborted, not returned as healthy").hasValue(1);
    assertThat(db.list("item", Map.of())).as("killed before its COMMIT finished: rolled back").isEmpty();
  }

  @Test
  void aConnectionLostBeforeCommitIsAPlainConnectionLostAndIsAborted() throws SQLException {
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    try (Connection observer = testDatabase.connect()) {
      try {
        db.useTransaction(tx -> {
          long pid = tx.query("SELECT pg_backend_pid() AS pid").get(0).getLong("pid");
          execute(observer, "SELECT pg_terminate_backend(" + pid + ")");
          tx.list("item", Map.of());
        });
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    }
    assertThat(thrown.get()).isInstanceOf(ConnectionLostException.class)
        .isNotInstanceOf(CommitOutcomeUnknownException.class);
    assertThat(aborted).hasValue(1);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The test database's connections, each counting a call of abort() before passing it on. */
  private DataSource recordingAborts(DataSource target) {
    return new AbstractDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("abort")) {
                aborted.incrementAndGet();
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };
  }
}
