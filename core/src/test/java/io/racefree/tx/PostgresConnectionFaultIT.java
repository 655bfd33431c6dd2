package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.Database;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ConnectionLostException;
import io.racefree.testing.Interleaving;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL also lets a test hold COMMIT open (a deferred constraint trigger waits for an
 * advisory lock the test holds), so a connection killed during COMMIT is tested here: the outcome
 * is unknown, and racefree says so with its own type, runs no commit hook, does not retry, and
 * aborts the connection. The other engines run the same code when a connection breaks in COMMIT,
 * but a test cannot hold their COMMIT open.
 */
@Tag("postgresql")
class PostgresConnectionFaultIT extends ConnectionFaultContract {
  @Override
  TestDatabase open() {
    return TestDatabases.postgres();
  }

  @Override
  boolean updateOrCreateAutoCommits() {
    return true;
  }

  @Override
  String killSql(long sessionId) {
    return "SELECT pg_terminate_backend(" + sessionId + ")";
  }

  @Override
  String sessionCountSql(long sessionId) {
    return "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + sessionId;
  }

  @Test
  void aConnectionLostDuringCommitIsCommitOutcomeUnknownWithNoHookNoRetryAndAnAbortedConnection()
      throws SQLException {
    testDatabase.execute(
        "CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_advisory_xact_lock(424242); RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER commit_gate AFTER INSERT ON item DEFERRABLE INITIALLY DEFERRED"
            + " FOR EACH ROW EXECUTE FUNCTION wait_at_commit()");
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
            tx.insert("item", Map.of("id", 1, "name", "a"));
            race.reach("inserted");
          });
        } catch (RuntimeException e) {
          thrown.set(e);
        }
      });
      race.actor("killer", () -> {
        race.await("inserted");
        race.awaitBlocked("T1", observer, session.get());
        execute(observer, killSql(session.get().sessionId()));
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
}
