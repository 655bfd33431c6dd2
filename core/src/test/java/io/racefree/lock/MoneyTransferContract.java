package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.Row;
import io.racefree.dialect.DatabaseKind;
import io.racefree.testing.Interleaving;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's money transfer under load: 8 threads move random amounts between 20 accounts for a
 * while, each of the four correct ways. Invariants: the total never changes, no balance goes
 * negative, every committed transfer is in the log exactly once and the balances equal what the
 * log says, and no deadlock reaches the caller. The naive way is shown losing an update in a forced
 * interleaving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MoneyTransferContract {
  static final int ACCOUNTS = 20;
  static final int THREADS = 8;
  static final long OPENING_BALANCE = 1_000;
  static final long HAMMER_MILLIS = Long.getLong("racefree.hammer.millis", 2_000);

  TestDb db;

  abstract DatabaseKind kind();

  @BeforeAll
  void createSchema() {
    db = TestDb.create(kind());
    db.execute(
        "CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL, version BIGINT NOT NULL)",
        "CREATE TABLE transfer_log (transfer_key VARCHAR(64) PRIMARY KEY, from_id INT NOT NULL,"
            + " to_id INT NOT NULL, amount BIGINT NOT NULL)");
  }

  @AfterAll
  void drop() {
    db.close();
  }

  @BeforeEach
  void openAccounts() {
    db.execute("DELETE FROM transfer_log", "DELETE FROM account");
    db.database().useTransaction(tx -> {
      for (int id = 1; id <= ACCOUNTS; id++) {
        tx.insert("account", Map.of("id", id, "balance", OPENING_BALANCE, "version", 0));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Transfers.Way.class)
  void hammeredTransfersKeepTheMoneyWhole(Transfers.Way way) throws Exception {
    Set<String> committed = ConcurrentHashMap.newKeySet();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HAMMER_MILLIS);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 1_000L * way.ordinal() + t;
      workers.add(threads.submit(() -> transferUntil(way, deadline, new SplittableRandom(seed), committed)));
    }
    int attempted = 0;
    for (Future<Integer> worker : workers) {
      attempted += worker.get(HAMMER_MILLIS + 120_000, TimeUnit.MILLISECONDS); // a failure fails the test
    }
    threads.shutdown();

    List<Row> accounts = db.database().list("account", Map.of());
    List<Row> log = db.database().list("transfer_log", Map.of());
    assertThat(accounts.stream().mapToLong(row -> row.getLong("balance")).sum())
        .as("total after %d transfers (%d committed)", attempted, committed.size())
        .isEqualTo(ACCOUNTS * OPENING_BALANCE);
    assertThat(accounts).allSatisfy(row -> assertThat(row.getLong("balance")).isNotNegative());
    assertThat(log.stream().map(row -> row.getString("transfer_key")).toList())
        .containsExactlyInAnyOrderElementsOf(committed);
    assertThat(balancesOf(accounts)).isEqualTo(balancesFromLog(log));
    assertThat(committed).as("transfers that committed").isNotEmpty();
  }

  private int transferUntil(Transfers.Way way, long deadline, SplittableRandom random, Set<String> committed) {
    int attempted = 0;
    while (System.nanoTime() - deadline < 0) {
      int from = 1 + random.nextInt(ACCOUNTS);
      int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      long amount = 1 + random.nextInt(400);
      String key = UUID.randomUUID().toString();
      if (Transfers.transfer(db.database(), way, key, from, to, amount)) {
        committed.add(key);
      }
      attempted++;
    }
    return attempted;
  }

  private static Map<Integer, Long> balancesOf(List<Row> accounts) {
    Map<Integer, Long> balances = new HashMap<>();
    accounts.forEach(row -> balances.put(row.getInt("id"), row.getLong("balance")));
    return balances;
  }

  private static Map<Integer, Long> balancesFromLog(List<Row> log) {
    Map<Integer, Long> balances = new HashMap<>();
    for (int id = 1; id <= ACCOUNTS; id++) {
      balances.put(id, OPENING_BALANCE);
    }
    for (Row transfer : log) {
      balances.merge(transfer.getInt("from_id"), -transfer.getLong("amount"), Long::sum);
      balances.merge(transfer.getInt("to_id"), transfer.getLong("amount"), Long::sum);
    }
    return balances;
  }

  /**
   * Lost update: both transactions read 1000, T1 writes 900 and commits, T2 writes 800 over it.
   * Possible wherever two read-write transactions run at once (not on SQLite, whose read-write
   * transactions take the write lock first).
   */
  @Test
  void naiveTransfersLoseAnUpdate() {
    TransactionOptions readCommitted = kind() == DatabaseKind.SQLITE
        ? TransactionOptions.defaults() : TransactionOptions.isolation(Isolation.READ_COMMITTED);
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("T1", () -> {
        db.database().useTransaction(readCommitted, tx -> {
          long balance = tx.get("account", Map.of("id", 1)).getLong("balance");
          race.reach("T1 read");
          if (!singleWriter()) {
            race.await("T2 read");
          }
          tx.update("account", Map.of("id", 1), Map.of("balance", balance - 100));
        });
        race.reach("T1 committed");
      });
      race.actor("T2", () -> {
        race.await("T1 read");
        db.database().useTransaction(readCommitted, tx -> {
          long balance = tx.get("account", Map.of("id", 1)).getLong("balance");
          if (!singleWriter()) {
            race.reach("T2 read");
            race.await("T1 committed");
          }
          tx.update("account", Map.of("id", 1), Map.of("balance", balance - 200));
        });
      });
      race.run();
    }
    long balance = db.database().get("account", Map.of("id", 1)).getLong("balance");
    assertThat(balance).isEqualTo(singleWriter() ? 700 : 800);
  }

  private boolean singleWriter() {
    return kind() == DatabaseKind.SQLITE;
  }
}
