package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.LockNotAvailableException;
import io.racefree.testing.Interleaving;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Table locks that really exclude other writers until the transaction ends (PostgreSQL, MariaDB). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TableLockContract {
  TestDb db;
  LockFixture fixture;

  abstract DatabaseKind kind();

  @BeforeAll
  void createSchema() {
    db = TestDb.create(kind());
    db.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(40))",
        "CREATE TABLE other (id INT PRIMARY KEY)");
  }

  @BeforeEach
  void clean() {
    db.execute("DELETE FROM item");
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

  /** The holder inserts row 1 after the writer blocked, so the writer's row 2 lands after commit. */
  @Test
  void tableLockBlocksAnotherConnectionsInsertUntilCommit() {
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().useTransaction(tx -> {
        tx.lockTable("item", TableLockMode.EXCLUSIVE);
        race.reach("locked");
        race.await("writer waits");
        tx.insert("item", Map.of("id", 1, "label", "holder"));
      }));
      race.actor("writer", () -> {
        race.await("locked");
        database().useTransaction(tx -> {
          fixture.publish(race, "writer", tx);
          tx.insert("item", Map.of("id", 2, "label", "writer"));
        });
      });
      race.actor("observer", () -> {
        fixture.awaitBlocked(race, "writer");
        race.reach("writer waits");
      });
      race.run();
    }
    assertThat(database().list("item", Map.of())).hasSize(2);
  }

  @Test
  void noWaitFailsWhileAnotherTransactionHoldsTheTable() {
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().useTransaction(tx -> {
        tx.lockTable("item", TableLockMode.SHARE);
        race.reach("locked");
        race.await("checked");
      }));
      race.actor("checker", () -> {
        race.await("locked");
        try {
          assertThatThrownBy(() -> database().useTransaction(
                  tx -> tx.lockTables(List.of(TableLock.exclusive("item")), true)))
              .isInstanceOf(LockNotAvailableException.class);
        } finally {
          race.reach("checked");
        }
      });
      race.run();
    }
  }

  @Test
  void aFailedTransactionReleasesItsTableLock() {
    assertThatThrownBy(() -> database().useTransaction(tx -> {
      tx.lockTable("item", TableLockMode.EXCLUSIVE);
      throw new IllegalStateException("callback failed");
    })).isInstanceOf(IllegalStateException.class);
    database().useTransaction(tx -> tx.lockTables(List.of(TableLock.exclusive("item")), true));
  }
}
