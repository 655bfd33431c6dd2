package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.LockNotAvailableException;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.testing.Interleaving;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Row locks with two sessions driven through named phases: NOWAIT, SKIP LOCKED, a bounded wait
 * that times out and leaves the lock timeout as it was, and lock ordering that keeps two
 * transactions requesting the same rows in opposite orders from deadlocking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RowLockContract {
  TestDb db;
  LockFixture fixture;

  abstract DatabaseKind kind();

  /** A bounded wait this database can honour. */
  abstract Duration shortWait();

  /** Reads the session's lock wait setting. */
  abstract String lockTimeoutQuery();

  /** Row locks this database cannot honour. */
  abstract List<RowLock> unsupportedRowLocks();

  @BeforeAll
  void createSchema() {
    db = TestDb.create(kind());
    db.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(40))",
        "INSERT INTO item (id, label) VALUES (1, 'one')", "INSERT INTO item (id, label) VALUES (2, 'two')",
        "INSERT INTO item (id, label) VALUES (3, 'three')");
  }

  @AfterEach
  void closeFixture() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  @AfterAll
  void drop() {
    LeakCheck.assertNoLocksHeld(db);
    db.close();
  }

  Database database() {
    return db.database();
  }

  /** T1 holds row 1 until {@code checked}; T2 runs {@code check} meanwhile. */
  private void whileRowOneIsLocked(TransactionBody check) {
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().useTransaction(tx -> {
        tx.lockRows("item", Map.of("id", 1), RowLock.forUpdate());
        race.reach("held");
        race.await("checked");
      }));
      race.actor("checker", () -> {
        race.await("held");
        try {
          check.run();
        } finally {
          race.reach("checked");
        }
      });
      race.run();
    }
  }

  interface TransactionBody {
    void run() throws Exception;
  }

  @Test
  void noWaitFailsAtOnceOnALockedRow() {
    whileRowOneIsLocked(() -> assertThatThrownBy(() -> database().useTransaction(
            tx -> tx.lockRows("item", Map.of("id", 1), RowLock.forUpdate().noWait())))
        .isInstanceOf(LockNotAvailableException.class));
  }

  @Test
  void skipLockedLeavesTheLockedRowOut() {
    whileRowOneIsLocked(() -> {
      List<Row> rows = database().withTransaction(
          tx -> tx.lockRows("item", Map.of(), RowLock.forUpdate().skipLocked()));
      assertThat(rows).extracting(row -> row.getInt("id")).containsExactly(2, 3);
    });
  }

  @Test
  void boundedWaitTimesOutAndLeavesTheLockTimeoutAsItWas() {
    whileRowOneIsLocked(() -> database().useTransaction(tx -> {
      String before = lockTimeout(tx);
      assertThatThrownBy(() -> tx.useTransaction(
              savepoint -> savepoint.lockRows("item", Map.of("id", 1), RowLock.forUpdate().waitAtMost(shortWait()))))
          .isInstanceOf(LockTimeoutException.class);
      assertThat(lockTimeout(tx)).as("lock timeout after timing out").isEqualTo(before);
      assertThat(tx.lockRows("item", Map.of("id", 2), RowLock.forUpdate().waitAtMost(shortWait()))).hasSize(1);
      assertThat(lockTimeout(tx)).as("lock timeout after a bounded lock succeeded").isEqualTo(before);
    }));
  }

  private String lockTimeout(Transaction tx) {
    return String.valueOf(tx.query(lockTimeoutQuery()).get(0).values().iterator().next());
  }

  /**
   * T1 holds row 1; T2 asks for rows 2 and 1 in that order but locks in key order, so it waits on
   * row 1 while holding nothing; T1 then locks row 2 without deadlock. Had T2 locked row 2 first,
   * T1's request would close a cycle (deadlock).
   */
  @Test
  void oppositeRequestOrderDoesNotDeadlock() {
    fixture = new LockFixture(db);
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("T1", () -> database().useTransaction(tx -> {
        tx.lockRowsInOrder("item", "id", List.of(1), RowLock.forUpdate());
        race.reach("T1 holds 1");
        race.await("T2 waits");
        tx.lockRowsInOrder("item", "id", List.of(2), RowLock.forUpdate());
      }));
      race.actor("T2", () -> {
        race.await("T1 holds 1");
        return database().withTransaction(tx -> {
          fixture.publish(race, "T2", tx);
          return tx.lockRowsInOrder("item", "id", List.of(2, 1), RowLock.forUpdate()).size();
        });
      });
      race.actor("observer", () -> {
        fixture.awaitBlocked(race, "T2");
        race.reach("T2 waits");
      });
      race.run();
    }
  }

  @Test
  void optionsTheDatabaseCannotHonourFailFast() {
    for (RowLock lock : unsupportedRowLocks()) {
      assertThatThrownBy(() -> database().useTransaction(tx -> tx.lockRows("item", Map.of("id", 1), lock)))
          .as(lock.toString())
          .isInstanceOf(UnsupportedFeatureException.class);
    }
  }

  @Test
  void lockOrderingNeedsASingleColumnKey() {
    assertThatThrownBy(() -> database().useTransaction(
            tx -> tx.lockRowsInOrder("item", "label", List.of("one"), RowLock.forUpdate())))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a single-column primary or unique key");
  }
}
