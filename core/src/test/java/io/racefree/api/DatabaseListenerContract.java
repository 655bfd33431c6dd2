package io.racefree.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.DatabaseListener;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.error.LockNotAvailableException;
import io.racefree.error.RacefreeException;
import io.racefree.lock.LockWait;
import io.racefree.lock.RowLock;
import io.racefree.testing.Interleaving;
import io.racefree.testing.SessionProbe;
import io.racefree.testing.db.TestDatabase;
import io.racefree.tx.RetryAttempt;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Database-wide listener sees retries, conflicts and lock waits on a real engine. */
abstract class DatabaseListenerContract {
  TestDatabase testDatabase;
  Database db;
  final List<RetryAttempt> attempts = new CopyOnWriteArrayList<>();
  final List<RacefreeException> conflicts = new CopyOnWriteArrayList<>();
  final List<LockWait> lockWaits = new CopyOnWriteArrayList<>();

  abstract TestDatabase open();

  @BeforeEach
  void createSchema() {
    testDatabase = open();
    testDatabase.execute(
        "CREATE TABLE item (id INT PRIMARY KEY, qty INT NOT NULL, version BIGINT NOT NULL)",
        "INSERT INTO item (id, qty, version) VALUES (1, 0, 0)",
        "INSERT INTO item (id, qty, version) VALUES (2, 0, 0)");
    db = Database.builder(testDatabase.dataSource())
        .listener(new DatabaseListener() {
          @Override
          public void attemptFailed(RetryAttempt attempt) {
            attempts.add(attempt);
          }

          @Override
          public void conflict(RacefreeException conflict) {
            conflicts.add(conflict);
          }

          @Override
          public void lockWaited(LockWait wait) {
            lockWaits.add(wait);
          }
        })
        .build();
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  private static TransactionOptions retrying() {
    return TransactionOptions.defaults().withRetry(RetryPolicy.standard());
  }

  @Test
  void aStaleVersionIsAConflictAndTheRetryIsReported() {
    AtomicInteger tries = new AtomicInteger();
    long version = db.withTransaction(retrying(), tx -> {
      long expected = tries.incrementAndGet() == 1 ? 41 : 0;   // the first attempt is stale
      return tx.updateVersioned("item", Map.of("id", 1), "version", expected, Map.of("qty", 5));
    });
    assertThat(version).isEqualTo(1);
    assertThat(conflicts).extracting(RacefreeException::category).containsExactly(ErrorCategory.STALE_VERSION);
    assertThat(conflicts.get(0).task()).isEqualTo("updateVersioned(item)");
    assertThat(attempts).singleElement().satisfies(attempt -> {
      assertThat(attempt.willRetry()).isTrue();
      assertThat(attempt.failure().category()).isEqualTo(ErrorCategory.STALE_VERSION);
    });
  }

  @Test
  void retriesAndConflictsAreLoggedWithTheTaskAndNeverTheValues() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.racefree");
    List<String> lines = new CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level before = logger.getLevel();
    logger.setLevel(java.util.logging.Level.FINE);
    logger.addHandler(handler);
    try {
      AtomicInteger tries = new AtomicInteger();
      db.withTransaction(retrying(), tx -> tx.updateVersioned("item", Map.of("id", 2), "version",
          tries.incrementAndGet() == 1 ? 987_654_321L : 0, Map.of("qty", 123_456_789)));
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .startsWith("FINE conflict: STALE_VERSION in updateVersioned(item)"));
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .startsWith("FINE retrying transaction: attempt 1 of 100 within 5 s failed with STALE_VERSION in updateVersioned(item)"));
    assertThat(String.join("\n", lines)).doesNotContain("987654321", "123456789");
  }

  @Test
  void aListenerThatThrowsChangesNothing() {
    Database throwing = Database.builder(testDatabase.dataSource())
        .listener(new DatabaseListener() {
          @Override
          public void conflict(RacefreeException conflict) {
            throw new IllegalStateException("metrics are down");
          }
        })
        .build();
    AtomicInteger tries = new AtomicInteger();
    long version = throwing.withTransaction(retrying(), tx ->
        tx.updateVersioned("item", Map.of("id", 1), "version", tries.incrementAndGet() == 1 ? 9 : 0, Map.of()));
    assertThat(version).isEqualTo(1);
    assertThat(tries).hasValue(2);
  }

  @Test
  void lockWaitsAreReportedGrantedOrNot() {
    Assumptions.assumeFalse(db.dialect().kind() == DatabaseKind.SQLITE, "one writer: a second locker waits");
    String held = testDatabase.name() + ":held";   // named locks are server-wide
    db.useTransaction(tx -> {
      tx.lock(held);
      tx.lockRows("item", Map.of("id", 1), RowLock.forUpdate());
      boolean other = CompletableFuture.supplyAsync(() -> db.withTransaction(o -> o.tryLock(held, Duration.ZERO))).join();
      assertThat(other).isFalse();
      CompletableFuture<Void> nowait = CompletableFuture.runAsync(() -> db.useTransaction(o ->
          o.lockRows("item", Map.of("id", 1), RowLock.forUpdate().noWait())));
      assertThatThrownBy(nowait::join).hasCauseInstanceOf(LockNotAvailableException.class);
    });
    assertThat(lockWaits).extracting(LockWait::kind, LockWait::task, LockWait::granted).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(LockWait.Kind.NAMED, "lock(" + held + ")", true),
        org.assertj.core.groups.Tuple.tuple(LockWait.Kind.ROWS, "lockRows(item)", true),
        org.assertj.core.groups.Tuple.tuple(LockWait.Kind.NAMED, "tryLock(" + held + ")", false),
        org.assertj.core.groups.Tuple.tuple(LockWait.Kind.ROWS, "lockRows(item)", false));
    assertThat(conflicts).extracting(RacefreeException::category).contains(ErrorCategory.LOCK_NOT_AVAILABLE);
  }

  /**
   * Anomaly forced: T1 holds row 1 and waits for row 2, T2 holds row 2 and asks for row 1, a
   * deadlock. The victim is retried; the listener sees the deadlock as a conflict and a retry.
   */
  @Test
  void aForcedDeadlockIsReportedAsAConflictAndARetry() throws Exception {
    Assumptions.assumeFalse(db.dialect().kind() == DatabaseKind.SQLITE, "one writer: no deadlock");
    AtomicReference<SessionProbe> t1Session = new AtomicReference<>();
    AtomicInteger t1Tries = new AtomicInteger();
    AtomicInteger t2Tries = new AtomicInteger();
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(60));
        Connection observer = testDatabase.connect()) {
      race.actor("T1", () -> db.useTransaction(retrying(), tx -> {
        boolean first = t1Tries.incrementAndGet() == 1;
        tx.update("item", Map.of("id", 1), Map.of("qty", 1));
        if (first) {
          t1Session.set(SessionProbe.of(tx.connection()));
          race.reach("T1 holds 1");
          race.await("T2 holds 2");
        }
        tx.update("item", Map.of("id", 2), Map.of("qty", 1));
      }));
      race.actor("T2", () -> db.useTransaction(retrying(), tx -> {
        boolean first = t2Tries.incrementAndGet() == 1;
        if (first) {
          race.await("T1 holds 1");
        }
        tx.update("item", Map.of("id", 2), Map.of("qty", 2));
        if (first) {
          race.reach("T2 holds 2");
          race.awaitBlocked("T1", observer, t1Session.get());
        }
        tx.update("item", Map.of("id", 1), Map.of("qty", 2));
      }));
      race.run();
    }
    assertThat(t1Tries.get() + t2Tries.get()).as("one victim ran again").isEqualTo(3);
    assertThat(conflicts).extracting(RacefreeException::category).containsExactly(ErrorCategory.DEADLOCK);
    assertThat(conflicts.get(0).task()).isEqualTo("update(item)");
    assertThat(attempts).singleElement().satisfies(attempt -> {
      assertThat(attempt.willRetry()).isTrue();
      assertThat(attempt.failure().category()).isEqualTo(ErrorCategory.DEADLOCK);
    });
    assertThat(db.list("item", Map.of())).extracting(row -> row.getInt("qty"))
        .as("both committed, the last one wrote both rows").containsOnly(db.get("item", Map.of("id", 1)).getInt("qty"));
  }
}
