package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.DeadlockException;
import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcome;
import io.racefree.testing.Outcomes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Transaction-scoped named locks: a second holder is excluded, and the lock is released by commit,
 * by rollback, by a failing callback and by a deadlock error (on MariaDB the victim keeps its
 * GET_LOCK locks until racefree releases them). The pool is checked for leftover locks at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NamedLockContract {
  TestDb db;
  LockFixture fixture;

  abstract DatabaseKind kind();

  @BeforeAll
  void create() {
    db = TestDb.create(kind());
  }

  @BeforeEach
  void newFixture() {
    fixture = new LockFixture(db);
  }

  @AfterEach
  void closeFixture() throws Exception {
    fixture.close();
  }

  @AfterAll
  void drop() {
    LeakCheck.assertNoLocksHeld(db);
    db.close();
  }

  Database database() {
    return db.database();
  }

  boolean isFree(String name) {
    return database().withTransaction(tx -> tx.tryLock(name, Duration.ZERO));
  }

  @Test
  void aSecondHolderIsExcludedUntilCommit() {
    String name = LeakCheck.lockName("exclude");
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().useTransaction(tx -> {
        tx.lock(name);
        race.reach("held");
        race.await("checked");
      }));
      race.actor("second", () -> {
        race.await("held");
        try {
          assertThat(database().<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock(name, Duration.ZERO))).isFalse();
          assertThat(database().<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock(name, Duration.ofMillis(200)))).isFalse();
        } finally {
          race.reach("checked");
        }
      });
      race.run();
    }
    assertThat(isFree(name)).as("free after commit").isTrue();
  }

  @Test
  void rollbackReleases() {
    String name = LeakCheck.lockName("rollback");
    database().useTransaction(tx -> {
      tx.lock(name);
      tx.setRollbackOnly();
    });
    assertThat(isFree(name)).isTrue();
  }

  @Test
  void aFailingCallbackReleases() {
    String name = LeakCheck.lockName("failure");
    assertThatThrownBy(() -> database().useTransaction(tx -> {
      tx.lock(name);
      throw new IllegalStateException("callback failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(isFree(name)).isTrue();
  }

  @Test
  void lockAllTakesEveryLockOnceAndCommitReleasesThem() {
    String first = LeakCheck.lockName("all-a");
    String second = LeakCheck.lockName("all-b");
    database().useTransaction(tx -> {
      tx.lockAll(List.of(second, first, second));
      assertThat(database().<Boolean, RuntimeException>withTransaction(other -> other.tryLock(first, Duration.ZERO))).isFalse();
    });
    assertThat(isFree(first)).isTrue();
    assertThat(isFree(second)).isTrue();
  }

  /**
   * T1 holds a and waits for b; T2 holds b and asks for a: a deadlock. The victim's transaction
   * rolls back and racefree releases its locks, so the other one gets what it waits for.
   */
  @Test
  void aDeadlockErrorReleasesTheVictimsLocks() {
    String a = LeakCheck.lockName("deadlock-a");
    String b = LeakCheck.lockName("deadlock-b");
    Outcomes outcomes;
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(40))) {
      race.actor("T1", () -> database().useTransaction(tx -> {
        fixture.publish(race, "T1", tx);
        tx.lock(a);
        race.reach("T1 has a");
        race.await("T2 has b");
        tx.lock(b);
      }));
      race.actor("T2", () -> database().useTransaction(tx -> {
        race.await("T1 has a");
        tx.lock(b);
        race.reach("T2 has b");
        fixture.awaitBlocked(race, "T1");
        tx.lock(a);
      }));
      outcomes = race.runCollecting();
    }
    assertThat(outcomes.failures()).as("%s", outcomes).hasSize(1);
    Outcome<?> victim = outcomes.failures().get(0);
    assertThat(victim.failure()).isInstanceOf(DeadlockException.class);
    assertThat(isFree(a)).isTrue();
    assertThat(isFree(b)).isTrue();
  }
}
