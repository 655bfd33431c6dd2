package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import io.racefree.lock.internal.LockKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbNamedLockIT extends SessionNamedLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Test
  void longNamesAreHashedToFitGetLock() {
    String name = LeakCheck.lockName("long-" + "x".repeat(200));
    assertThat(LockKeys.mySqlName(name)).hasSize(64).startsWith("racefree:");
    database().useTransaction(tx -> tx.lock(name));
    assertThat(isFree(name)).isTrue();
  }

  /** Issue 10 item 18: KILL QUERY on a waiting tx.lock is an interrupted query, typed so. */
  @Test
  void killQueryWhileWaitingForALockIsATypedInterruption() {
    String name = LeakCheck.lockName("killed");
    java.util.concurrent.atomic.AtomicLong waiter = new java.util.concurrent.atomic.AtomicLong();
    // T2's failure is the expected outcome: it is kept here, because an actor that fails ends
    // every phase still awaited (T1 waits for "T2 killed", reached by the killer afterwards).
    java.util.concurrent.atomic.AtomicReference<Throwable> killed = new java.util.concurrent.atomic.AtomicReference<>();
    io.racefree.testing.Outcomes outcomes;
    try (io.racefree.testing.Interleaving race = io.racefree.testing.Interleaving.create(java.time.Duration.ofSeconds(40))) {
      race.actor("T1", () -> database().useTransaction(tx -> {
        tx.lock(name);
        race.reach("T1 holds the lock");
        race.await("T2 killed");
      }));
      race.actor("T2", () -> {
        try {
          database().useTransaction(tx -> {
            race.await("T1 holds the lock");
            waiter.set(io.racefree.testing.SessionProbe.of(tx.connection()).sessionId());
            fixture.publish(race, "T2", tx);
            tx.lock(name);
          });
        } catch (io.racefree.error.RacefreeException e) {
          killed.set(e);
        }
      });
      race.actor("killer", () -> {
        fixture.awaitBlocked(race, "T2");
        try (java.sql.Connection connection = db.rawConnection();
            java.sql.Statement statement = connection.createStatement()) {
          statement.execute("KILL QUERY " + waiter.get());
        }
        race.reach("T2 killed");
      });
      outcomes = race.runCollecting();
    }
    assertThat(outcomes.of("T1").succeeded()).as("%s", outcomes).isTrue();
    assertThat(outcomes.of("T2").succeeded()).as("%s", outcomes).isTrue();
    assertThat(killed.get())
        .isInstanceOf(io.racefree.error.QueryTimeoutException.class)
        .hasMessageContaining("interrupted")
        .hasMessageNotContaining("refused");
    assertThat(isFree(name)).isTrue();
  }
}
