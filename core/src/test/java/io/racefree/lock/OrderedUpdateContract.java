package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Row;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.NotFoundException;
import io.racefree.testing.Interleaving;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tx.updateAll}: guarded updates of several rows taken in key order. Opposite transfers on
 * two accounts from 8 threads never deadlock and never retry at READ COMMITTED; a failed guard
 * writes nothing; a forced interleaving shows the second transaction waiting on the lowest key
 * while holding nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderedUpdateContract {
  static final int THREADS = 8;
  static final int TRANSFERS_PER_THREAD = 25;

  TestDb db;
  LockFixture fixture;

  abstract DatabaseKind kind();

  @BeforeAll
  void createSchema() {
    db = TestDb.create(kind());
    db.execute("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance BIGINT NOT NULL)");
  }

  @BeforeEach
  void openAccounts() {
    db.execute("DELETE FROM account", "INSERT INTO account (id, owner, balance) VALUES (1, 'ada', 100)",
        "INSERT INTO account (id, owner, balance) VALUES (2, 'bob', 100)",
        "INSERT INTO account (id, owner, balance) VALUES (3, 'cy', 100)");
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

  List<Isolation> isolations() {
    return kind() == DatabaseKind.SQLITE ? List.of(Isolation.SERIALIZABLE) : List.of(Isolation.values());
  }

  /** Where a concurrent committed update makes the later writer fail instead of wait and re-read. */
  boolean snapshotConflicts(Isolation isolation) {
    boolean snapshot = isolation == Isolation.REPEATABLE_READ || isolation == Isolation.SERIALIZABLE;
    return snapshot && (kind() == DatabaseKind.POSTGRESQL || kind() == DatabaseKind.H2);
  }

  static boolean transfer(io.racefree.Transaction tx, int from, int to, long amount) {
    return tx.updateAll("account", "id", Map.of(
        from, RowUpdate.of(Assignments.subtract("balance", amount), Guard.atLeast("balance", amount)),
        to, RowUpdate.of(Assignments.add("balance", amount))));
  }

  /**
   * Half the threads move money 1 -> 2, half 2 -> 1, with a retry policy that records every failed
   * attempt. No attempt ever fails with a deadlock; at READ COMMITTED (and wherever a locking read
   * sees the latest row) none fails at all. The total stays 200 and no balance goes negative.
   */
  @ParameterizedTest
  @MethodSource("isolations")
  void oppositeTransfersNeverDeadlock(Isolation isolation) throws Exception {
    ConcurrentLinkedQueue<ErrorCategory> failedAttempts = new ConcurrentLinkedQueue<>();
    RetryPolicy recorded = RetryPolicy.standard().withMaxAttempts(100)
        .withListener(attempt -> failedAttempts.add(attempt.failure().category()));
    TransactionOptions options = kind() == DatabaseKind.SQLITE
        ? TransactionOptions.defaults().withRetry(recorded)
        : TransactionOptions.isolation(isolation).withRetry(recorded);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int from = t % 2 == 0 ? 1 : 2;
      int to = 3 - from;
      workers.add(threads.submit(() -> {
        int moved = 0;
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
          long amount = 1 + (i % 7) * 10;
          moved += db.database().withTransaction(options, tx -> transfer(tx, from, to, amount)) ? 1 : 0;
        }
        return moved;
      }));
    }
    int moved = 0;
    for (Future<Integer> worker : workers) {
      moved += worker.get(120, TimeUnit.SECONDS);
    }
    threads.shutdown();
    List<Row> accounts = db.database().list("account", Map.of());
    assertThat(accounts.stream().mapToLong(row -> row.getLong("balance")).sum()).isEqualTo(300);
    assertThat(accounts).allSatisfy(row -> assertThat(row.getLong("balance")).isNotNegative());
    assertThat(moved).as("transfers that found enough money").isPositive();
    assertThat(failedAttempts).as("failed attempts at %s", isolation).doesNotContain(ErrorCategory.DEADLOCK);
    if (!snapshotConflicts(isolation) && !mariaDbSnapshotIsolation()) {
      assertThat(failedAttempts).as("failed attempts at %s", isolation).isEmpty();
    }
  }

  /** MariaDB with innodb_snapshot_isolation=ON fails a locking read of a newer row (1020). */
  boolean mariaDbSnapshotIsolation() {
    return false;
  }

  /** Both directions: the guarded row comes first in key order, or after the credited one. */
  @Test
  void aFailedGuardWritesNothing() {
    boolean guardedRowFirst = db.database().withTransaction(tx -> transfer(tx, 1, 2, 500));
    boolean guardedRowSecond = db.database().withTransaction(tx -> transfer(tx, 2, 1, 500));
    assertThat(guardedRowFirst).isFalse();
    assertThat(guardedRowSecond).isFalse();
    assertThat(balances()).containsExactly(100L, 100L, 100L);
  }

  /**
   * A key without a row is a NotFoundException, before any write when it comes first, and with the
   * transaction marked rollback-only when a row before it was already written: nothing commits.
   */
  @Test
  void aMissingKeyIsNotFoundAndNothingCommits() {
    assertThatThrownBy(() -> db.database().useTransaction(tx -> transfer(tx, 1, 0, 5)))
        .isInstanceOf(NotFoundException.class);
    boolean[] rollbackOnly = new boolean[1];
    db.database().useTransaction(tx -> {
      assertThatThrownBy(() -> transfer(tx, 1, 99, 5)).isInstanceOf(NotFoundException.class);
      rollbackOnly[0] = tx.isRollbackOnly();
    });
    assertThatThrownBy(() -> db.database().updateAll("account", "id", Map.of(
        1, RowUpdate.of(Assignments.add("balance", 1)), 99, RowUpdate.of(Assignments.add("balance", 1)))))
        .isInstanceOf(NotFoundException.class);
    assertThat(rollbackOnly[0]).as("rollback-only after the debit of 1 was written").isTrue();
    assertThat(balances()).containsExactly(100L, 100L, 100L);
  }

  @Test
  void appliesEveryRowsAssignmentsInOneCall() {
    boolean done = db.database().updateAll("account", "id", Map.of(
        3, RowUpdate.of(Assignments.subtract("balance", 30).andSet("owner", "cyd"), Guard.atLeast("balance", 30)),
        1, RowUpdate.of(Assignments.add("balance", 20)),
        2, RowUpdate.of(Assignments.add("balance", 10), Guard.equalTo("owner", "bob"))));
    assertThat(done).isTrue();
    assertThat(balances()).containsExactly(120L, 110L, 70L);
    assertThat(db.database().get("account", Map.of("id", 3)).getString("owner")).isEqualTo("cyd");
  }

  @Test
  void badInputIsATypedErrorAndChangesNothing() {
    assertThatThrownBy(() -> db.database().updateAll("account", "owner",
        Map.of("ada", RowUpdate.of(Assignments.add("balance", 1)))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a single-column primary or unique key");
    assertThatThrownBy(() -> db.database().updateAll("account", "id",
        Map.of(1, RowUpdate.of(Assignments.set("id", 5)))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("key column");
    assertThatThrownBy(() -> db.database().updateAll("account", "id",
        Map.of(1, RowUpdate.of(Assignments.add("nope", 1)))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> db.database().updateAll("account", "id", Map.of()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(balances()).containsExactly(100L, 100L, 100L);
  }

  /**
   * T1 writes row 1 and keeps its transaction open; T2 asks to move money 2 -> 1 and waits on row
   * 1, the lowest key, holding nothing; T1 then writes row 2 without deadlock and commits; T2 goes
   * on. Had T2 taken row 2 first (the order it was asked in), T1's write would close a cycle.
   * SQLite has one writer: nothing to interleave.
   */
  @Test
  void aSecondTransferWaitsOnTheLowestKeyHoldingNothing() {
    org.junit.jupiter.api.Assumptions.assumeFalse(kind() == DatabaseKind.SQLITE, "one writer: nothing to interleave");
    fixture = new LockFixture(db);
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("T1", () -> db.database().useTransaction(tx -> {
        tx.update("account", Map.of("id", 1), Assignments.add("balance", 1), Guard.none());
        race.reach("T1 holds 1");
        race.await("T2 waits");
        tx.update("account", Map.of("id", 2), Assignments.add("balance", 1), Guard.none());
      }));
      race.actor("T2", () -> {
        race.await("T1 holds 1");
        return db.database().withTransaction(tx -> {
          fixture.publish(race, "T2", tx);
          return transfer(tx, 2, 1, 50);
        });
      });
      race.actor("observer", () -> {
        fixture.awaitBlocked(race, "T2");
        race.reach("T2 waits");
      });
      race.run();
    }
    assertThat(balances()).containsExactly(151L, 51L, 100L);
  }

  private List<Long> balances() {
    return db.database().list("account", Map.of()).stream().map(row -> row.getLong("balance")).toList();
  }
}
