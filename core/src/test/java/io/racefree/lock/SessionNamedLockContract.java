package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.Interleaving;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Adds the session-scoped {@code Database.withLock} (PostgreSQL, MariaDB) to the named lock contract. */
abstract class SessionNamedLockContract extends NamedLockContract {
  @Test
  void withLockExcludesOthersAcrossTransactionsAndReleasesAfterwards() {
    String name = LeakCheck.lockName("session");
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().withLock(name, session -> {
        session.query("SELECT 1");
        race.reach("held");
        race.await("checked");
        return null;
      }));
      race.actor("second", () -> {
        race.await("held");
        try {
          assertThat(database().<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock(name, Duration.ZERO))).isFalse();
        } finally {
          race.reach("checked");
        }
      });
      race.run();
    }
    assertThat(isFree(name)).isTrue();
  }

  @Test
  void withLockReleasesWhenTheCallbackFails() {
    String name = LeakCheck.lockName("session-failure");
    assertThatThrownBy(() -> database().withLock(name, session -> {
      throw new IllegalStateException("callback failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(isFree(name)).isTrue();
  }
}
