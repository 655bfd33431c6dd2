package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.testing.Interleaving;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SQLite has one lock, the database write lock, which racefree's read-write transactions take
 * first (BEGIN IMMEDIATE). Inside them every lock request is already satisfied; anywhere else it
 * would be a silent no-op (Django's select_for_update), so it fails.
 */
@Tag("sqlite")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteLocksIT {
  private static final TransactionOptions DEFERRED = TransactionOptions.defaults().withSqliteWriteLockFirst(false);
  private static final TransactionOptions READ_ONLY = TransactionOptions.defaults().withReadOnly(true);

  TestDb db;

  @BeforeAll
  void create() {
    db = TestDb.create(DatabaseKind.SQLITE);
    db.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(40))",
        "INSERT INTO item (id, label) VALUES (1, 'one')", "INSERT INTO item (id, label) VALUES (2, 'two')");
  }

  @AfterAll
  void drop() {
    LeakCheck.assertNoLocksHeld(db);
    db.close();
  }

  Database database() {
    return db.database();
  }

  @Test
  void locksInsideAWriteLockTransactionAreGranted() {
    database().useTransaction(tx -> {
      assertThat(tx.lockRows("item", Map.of("id", 1), RowLock.forUpdate().noWait())).hasSize(1);
      assertThat(tx.lockRowsInOrder("item", "id", List.of(2, 1), RowLock.forShare())).hasSize(2);
      tx.lockTable("item", TableLockMode.EXCLUSIVE);
      tx.lock("anything");
      assertThat(tx.tryLock("anything else", Duration.ZERO)).isTrue();
    });
  }

  @Test
  void locksOutsideTheWriteLockAreUnsupportedNotSilent() {
    for (TransactionOptions options : List.of(DEFERRED, READ_ONLY)) {
      assertThatThrownBy(() -> database().useTransaction(options,
              tx -> tx.lockRows("item", Map.of("id", 1), RowLock.forUpdate())))
          .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("write lock");
      assertThatThrownBy(() -> database().useTransaction(options, tx -> tx.lock("name")))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> database().useTransaction(options, tx -> tx.lockTable("item", TableLockMode.SHARE)))
          .isInstanceOf(UnsupportedFeatureException.class);
    }
    assertThatThrownBy(() -> database().withLock("name", session -> null))
        .isInstanceOf(UnsupportedFeatureException.class);
  }

  /** A second writer with a short busy timeout cannot write while the table is locked; later it can. */
  @Test
  void tableLockBlocksAnotherWriterUntilCommit() {
    Properties shortBusy = new Properties();
    shortBusy.setProperty("busy_timeout", "200");
    Database impatient = Database.of(new org.sqlite.SQLiteDataSource(new org.sqlite.SQLiteConfig(shortBusy)) {
      {
        setUrl(db.url());
      }
    });
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("holder", () -> database().useTransaction(tx -> {
        tx.lockTable("item", TableLockMode.EXCLUSIVE);
        race.reach("locked");
        race.await("writer gave up");
      }));
      race.actor("writer", () -> {
        race.await("locked");
        try {
          assertThatThrownBy(() -> impatient.insert("item", Map.of("id", 3, "label", "three")))
              .isInstanceOf(LockTimeoutException.class);
        } finally {
          race.reach("writer gave up");
        }
      });
      race.run();
    }
    impatient.insert("item", Map.of("id", 3, "label", "three"));
    assertThat(database().list("item", Map.of())).hasSize(3);
  }
}
