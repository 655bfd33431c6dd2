package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Row;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.UniqueViolationException;
import io.racefree.testing.Engine;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The API, bad input, bulk form and hammer, on every database. */
abstract class UpsertApiContract extends CounterAndBulkContract {
  @Test
  void createsThenFindsWithFlags() {
    GetOrCreateResult first = d.db.getOrCreate("item", Map.of("k", "a"), Map.of("v", 1));
    GetOrCreateResult second = d.db.getOrCreate("item", Map.of("k", "a"), Map.of("v", 2));
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.as(Item.class)).isEqualTo(new Item(first.row().getLong("id"), "a", 1, null));
  }

  /** The hot case costs what a hand-written SELECT costs: one statement, no transaction. */
  @Test
  void anExistingRowIsReadWithOneStatementAndNoTransaction() throws Exception {
    d.db.getOrCreate("item", Map.of("k", "a"), Map.of("v", 1));
    onOneConnection((connection, counting, onOne) -> {
      onOne.getOrCreate("item", Map.of("k", "a"), Map.of("v", 2)); // reads the catalog
      int statementsBefore = counting.statements();
      GetOrCreateResult found = onOne.getOrCreate("item", Map.of("k", "a"), Map.of("v", 2));
      assertThat(found.created()).isFalse();
      assertThat(found.row().getInt("v")).isEqualTo(1);
      assertThat(counting.statements() - statementsBefore).isEqualTo(1);
      assertThat(counting.transactionsBegun()).isZero();
    });
  }

  /**
   * The cold case: the missed read, then one insert that commits by itself (no isolation read, no
   * BEGIN, no COMMIT); the read of the row back only where the insert cannot return it.
   */
  @Test
  void aNewRowIsCreatedWithoutATransaction() throws Exception {
    d.db.getOrCreate("item", Map.of("k", "warm-up"), Map.of("v", 1));
    onOneConnection((connection, counting, onOne) -> {
      onOne.getOrCreate("item", Map.of("k", "warm-up 2"), Map.of("v", 2)); // reads the catalog and its keys
      int statementsBefore = counting.statements();
      GetOrCreateResult created = onOne.getOrCreate("item", Map.of("k", "new"), Map.of("v", 3));
      assertThat(created.created()).isTrue();
      assertThat(created.row().getInt("v")).isEqualTo(3);
      assertThat(counting.transactionsBegun()).isZero();
      assertThat(counting.statements() - statementsBefore).as("%s", counting.sql())
          .isEqualTo(statementsToCreateARow());
      assertThat(connection.getAutoCommit()).isTrue();
    });
    assertThat(d.db.get("item", Map.of("k", "new")).getInt("v")).isEqualTo(3);
  }

  /** Insert-first, for mostly new keys: a new row costs the insert alone; an existing one the insert and a read. */
  @Test
  void insertFirstCreatesWithTheInsertAloneAndFindsAfterAConflict() throws Exception {
    UpsertOptions insertFirst = UpsertOptions.defaults().withInsertFirst();
    TransactionOptions retry = TransactionOptions.defaults().withRetry(RetryPolicy.standard());
    d.db.getOrCreate("item", Map.of("k", "if-warm-up"), Map.of("v", 1), insertFirst, retry);
    onOneConnection((connection, counting, onOne) -> {
      onOne.getOrCreate("item", Map.of("k", "if-warm-up 2"), Map.of("v", 1), insertFirst, retry); // the catalog
      int before = counting.statements();
      GetOrCreateResult created = onOne.getOrCreate("item", Map.of("k", "if-new"), Map.of("v", 5), insertFirst, retry);
      assertThat(created.created()).isTrue();
      assertThat(counting.statements() - before).as("%s", counting.sql()).isEqualTo(statementsToCreateARow() - 1);
      GetOrCreateResult found = onOne.getOrCreate("item", Map.of("k", "if-new"), Map.of("v", 6), insertFirst, retry);
      assertThat(found.created()).isFalse();
      assertThat(found.row().getInt("v")).isEqualTo(5);
      assertThat(counting.transactionsBegun()).isZero();
    });
  }

  /** Defaults with a supplier must not run for a row that exists: that call creates in a transaction. */
  @Test
  void aCallThatNeedsATransactionStillGetsOne() throws Exception {
    onOneConnection((connection, counting, onOne) -> {
      java.util.concurrent.atomic.AtomicInteger supplied = new java.util.concurrent.atomic.AtomicInteger();
      java.util.function.Supplier<Integer> three = () -> supplied.incrementAndGet() + 2;
      GetOrCreateResult created = onOne.getOrCreate("item", Map.of("k", "supplied"), Map.of("v", three));
      assertThat(created.created()).isTrue();
      assertThat(created.row().getInt("v")).isEqualTo(3);
      assertThat(supplied).hasValue(1);
      // SQLite's transactions begin with SQL on an auto-commit connection, not through JDBC
      assertThat(counting.transactionsBegun()).isEqualTo(engine() == Engine.SQLITE ? 0 : 1);
      assertThat(connection.getAutoCommit()).isTrue();
    });
  }

  /**
   * Statements of a get-or-create that creates its row, the missed read included; H2's INSERT
   * cannot return the row, so it is read back by its primary key.
   */
  int statementsToCreateARow() {
    return engine() == Engine.H2 ? 3 : 2;
  }

  /** What a test does on one connection of the test database, counted. */
  @FunctionalInterface
  interface OnOneConnection {
    void run(java.sql.Connection connection, io.racefree.support.CountingDataSource counting, io.racefree.Database onOne)
        throws Exception;
  }

  /** Runs {@code body} with a database on one connection whose statements and transactions are counted. */
  void onOneConnection(OnOneConnection body) throws Exception {
    try (java.sql.Connection connection = d.dataSource.getConnection()) {
      io.racefree.support.CountingDataSource counting = new io.racefree.support.CountingDataSource(connection);
      body.run(connection, counting, io.racefree.Database.of(counting));
    }
  }

  /** 1,000 lookups, half of them existing: three or four statements, not one per key. */
  @Test
  void bulkGetOrCreateTakesAFewStatementsHoweverManyKeys() throws Exception {
    List<Map<String, Object>> lookups = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lookups.add(Map.of("k", "bulk-" + i));
    }
    d.db.withTransaction(tx -> tx.getOrCreateAll("item", lookups.subList(0, 500), Map.of()));
    onOneConnection((connection, counting, onOne) -> {
      onOne.withTransaction(tx -> tx.getOrCreateAll("item", lookups.subList(0, 1), Map.of())); // catalog, keys
      int before = counting.statements();
      List<GetOrCreateResult> results = onOne.withTransaction(tx -> tx.getOrCreateAll("item", lookups, Map.of()));
      // read and multi-row insert, plus: a read back on H2 (no RETURNING); the savepoint and its
      // release that keep the caller's PostgreSQL transaction alive if another unique key rejects
      // a row; SQLite's BEGIN IMMEDIATE and COMMIT, which racefree sends as statements
      io.racefree.dialect.DatabaseKind kind = onOne.dialect().kind();
      int expected = switch (kind) {
        case POSTGRESQL, SQLITE -> 4;
        default -> 3;
      };
      assertThat(counting.statements() - before).isLessThanOrEqualTo(expected);
      assertThat(results).hasSize(1000);
      assertThat(results.stream().filter(GetOrCreateResult::created).count()).isEqualTo(500);
      assertThat(results.get(999).row().getString("k")).isEqualTo("bulk-999");
    });
  }

  /** Concurrent bulk creators of overlapping keys: one row per key, one created flag per row. */
  @Test
  void concurrentBulkCreatorsLeaveOneRowPerKey() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong created = new AtomicLong();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 50;
        done.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            List<Map<String, Object>> lookups = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
              lookups.add(Map.of("k", "bulk-" + round + "-" + ((i + offset) % 300)));
            }
            List<GetOrCreateResult> results = d.db.withTransaction(
                TransactionOptions.defaults().withRetry(RetryPolicy.standard()),
                tx -> tx.getOrCreateAll("item", lookups, Map.of()));
            created.addAndGet(results.stream().filter(GetOrCreateResult::created).count());
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Row> rows = d.db.list("item", Map.of());
    assertThat(rows.stream().map(row -> row.getString("k")).distinct().count()).isEqualTo(rows.size());
    assertThat(rows).hasSize(5 * 300);
    assertThat(created).hasValue(rows.size());
  }

  @Test
  void insertFirstStillReturnsAnExistingRowAsNotCreated() {
    UpsertOptions insertFirst = UpsertOptions.defaults().withInsertFirst();
    GetOrCreateResult created = d.db.withTransaction(tx -> tx.getOrCreate("item", Map.of("k", "f"), Map.of("v", 1), insertFirst));
    GetOrCreateResult again = d.db.withTransaction(tx -> tx.getOrCreate("item", Map.of("k", "f"), Map.of("v", 2), insertFirst));
    assertThat(created.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.row().getLong("id")).isEqualTo(created.row().getLong("id"));
    assertThat(again.row().getInt("v")).isEqualTo(1);
  }

  @Test
  void suppliersRunOnlyWhenARowIsCreated() {
    AtomicInteger calls = new AtomicInteger();
    Supplier<String> note = () -> "n" + calls.incrementAndGet();
    d.db.getOrCreate("item", Map.of("k", "a"), Map.of("note", note));
    GetOrCreateResult again = d.db.getOrCreate("item", Map.of("k", "a"), Map.of("note", note));
    assertThat(calls).hasValue(1);
    assertThat(again.row().getString("note")).isEqualTo("n1");
  }

  @Test
  void recordFormsUseTheNamedComponentsAsLookup() {
    GetOrCreateResult created = d.db.withTransaction(tx -> tx.getOrCreate("item", new Item(null, "r", 5, null), "k"));
    UpdateOrCreateResult updated = d.db.withTransaction(tx -> tx.updateOrCreate("item", new Item(null, "r", 6, "x"), "k"));
    assertThat(created.created()).isTrue();
    assertThat(updated.updated()).isTrue();
    assertThat(updated.as(Item.class)).isEqualTo(new Item(created.row().getLong("id"), "r", 6, "x"));
  }

  @Test
  void updateOrCreateReportsCreatedThenUpdatedAndUsesCreateDefaultsOnlyToCreate() {
    UpdateOrCreateResult created = d.db.updateOrCreate("counter", Map.of("k", "c"), Map.of("a", 1), Map.of("a", 10));
    UpdateOrCreateResult updated = d.db.updateOrCreate("counter", Map.of("k", "c"), Map.of("a", 2), Map.of("a", 10));
    UpdateOrCreateResult unchanged = d.db.updateOrCreate("counter", Map.of("k", "c"), Map.of(), null);
    assertThat(created.created()).isTrue();
    assertThat(created.row().getInt("a")).isEqualTo(10);
    assertThat(updated.updated()).isTrue();
    assertThat(updated.row().getInt("a")).isEqualTo(2);
    assertThat(unchanged.created() || unchanged.updated()).isFalse();
    assertThat(d.count("counter")).isEqualTo(1);
  }

  @Test
  void aConflictOnAnotherUniqueKeyIsThatUniqueViolationNeverNotFound() {
    d.db.insert("account", Map.of("k", "first", "email", "x@example.org"));
    assertThatThrownBy(() -> d.db.getOrCreate("account", Map.of("k", "second"), Map.of("email", "x@example.org")))
        .isInstanceOf(UniqueViolationException.class)
        .satisfies(e -> assertThat(((UniqueViolationException) e).constraintName()).isNotNull());
    // the caller's transaction goes on after the failed call (PostgreSQL: a savepoint was used)
    long rows = d.db.withTransaction(tx -> {
      try {
        tx.getOrCreate("account", Map.of("k", "second"), Map.of("email", "x@example.org"));
      } catch (UniqueViolationException expected) {
        // reported, not swallowed
      }
      return tx.getOrCreate("account", Map.of("k", "third"), Map.of()).created() ? 1L : 0L;
    });
    assertThat(rows).isEqualTo(1);
    assertThat(d.count("account")).isEqualTo(2);
  }

  @Test
  void requireUniqueKeyRefusesALookupNoKeyCovers() {
    assertThatThrownBy(() -> d.db.withTransaction(tx ->
        tx.getOrCreate("tag", Map.of("k", "x"), Map.of(), UpsertOptions.requiringUniqueKey())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("requireUniqueKey");
    assertThat(d.count("tag")).isZero();
  }

  @Test
  void badInputGetsATypedErrorAndWritesNothing() {
    assertThatThrownBy(() -> d.db.getOrCreate("item", Map.of("nope", 1), Map.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> d.db.getOrCreate("item", Map.of(), Map.of("k", "a")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> d.db.getOrCreate("item", Map.of("k", "a"), Map.of("k", "b")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("different value");
    assertThatThrownBy(() -> d.db.getOrCreate("item", Map.of("k", "a"), Map.of("bogus", 1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bogus");
    assertThatThrownBy(() -> d.db.getOrCreate("missing_table", Map.of("k", "a"), Map.of()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> d.db.updateOrCreate("item", Map.of("k", "a"), Map.of("k", "b"), null))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(d.count("item")).isZero();
  }

  @Test
  void getOrCreateAllReturnsEveryRowWithItsOwnFlagInInputOrder() {
    d.db.insert("item", Map.of("k", "k1", "v", 1));
    List<Map<String, Object>> lookups = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      lookups.add(Map.of("k", "k" + (i % 300)));
    }
    List<GetOrCreateResult> results = d.db.getOrCreateAll("item", lookups, Map.of("v", 9));
    assertThat(results).hasSize(450);
    for (int i = 0; i < 450; i++) {
      assertThat(results.get(i).row().getString("k")).isEqualTo("k" + (i % 300));
    }
    assertThat(results.stream().filter(GetOrCreateResult::created).count()).isEqualTo(299);
    assertThat(results.get(1).row().getInt("v")).isEqualTo(1);
    assertThat(d.count("item")).isEqualTo(300);
  }

  /**
   * 8 threads on 20 hot keys for two seconds: get-or-create on a keyed and (where racefree does
   * not refuse) an unkeyed table, and increments through updateOrCreate's row lock.
   */
  @Test
  void hammerLeavesNoDuplicatesNoLostUpdatesAndNoEscapedErrors() throws Exception {
    boolean unkeyed = engine() != Engine.H2;
    Map<String, AtomicLong> increments = new ConcurrentHashMap<>();
    AtomicLong createdItems = new AtomicLong();
    AtomicLong createdTags = new AtomicLong();
    TransactionOptions retried = TransactionOptions.defaults().withRetry(RetryPolicy.standard().withMaxAttempts(50));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      SplittableRandom random = new SplittableRandom(42 + t);
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          String key = "h" + random.nextInt(20);
          switch (random.nextInt(3)) {
            case 0 -> createdItems.addAndGet(d.db.getOrCreate("item", Map.of("k", key), Map.of()).created() ? 1 : 0);
            case 1 -> {
              if (unkeyed) {
                createdTags.addAndGet(d.db.withTransaction(retried,
                    tx -> tx.getOrCreate("tag", Map.of("k", key), Map.of())).created() ? 1 : 0);
              }
            }
            default -> {
              d.db.withTransaction(retried, tx -> {
                Row locked = tx.updateOrCreate("counter", Map.of("k", key), Map.of(), null).row();
                return tx.update("counter", Map.of("k", key), Map.of("a", locked.getInt("a") + 1));
              });
              increments.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    assertThat(d.count("item")).isEqualTo(createdItems.get());
    assertThat(d.count("tag")).isEqualTo(createdTags.get());
    List<Row> duplicated = d.db.withSession(session -> session.query("SELECT k FROM tag GROUP BY k HAVING COUNT(*) > 1"));
    assertThat(duplicated).isEmpty();
    for (Map.Entry<String, AtomicLong> entry : increments.entrySet()) {
      assertThat(d.db.get("counter", Map.of("k", entry.getKey())).getLong("a"))
          .as("lost update on %s", entry.getKey()).isEqualTo(entry.getValue().get());
    }
  }
}
