package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Row;
import io.racefree.error.InvalidRequestException;
import io.racefree.lock.Assignments;
import io.racefree.testing.Engine;
import io.racefree.tx.Isolation;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "Increment or create" (updateOrCreate with Assignments) and updateOrCreateAll, on every database. */
abstract class CounterAndBulkContract extends UpsertContractBase {
  static final int THREADS = 8;
  static final int INCREMENTS_PER_THREAD = 40;
  static final int HOT_KEYS = 4;

  @Test
  void incrementOrCreateStartsFromZeroThenAddsAndReportsWhichItDid() {
    UpdateOrCreateResult created = d.db.updateOrCreate("counter", Map.of("k", "c"), Assignments.add("a", 1), null);
    UpdateOrCreateResult updated = d.db.updateOrCreate("counter", Map.of("k", "c"), Assignments.add("a", 1), null);
    UpdateOrCreateResult both = d.db.updateOrCreate("counter", Map.of("k", "d"),
        Assignments.add("a", 5).andSubtract("b", 2), null);
    UpdateOrCreateResult withDefaults = d.db.updateOrCreate("counter", Map.of("k", "e"),
        Assignments.add("a", 1), Map.of("a", 100));
    assertThat(created.created()).isTrue();
    assertThat(created.updated()).isFalse();
    assertThat(created.row().getInt("a")).isEqualTo(1);
    assertThat(updated.created()).isFalse();
    assertThat(updated.updated()).isTrue();
    assertThat(updated.row().getInt("a")).isEqualTo(2);
    assertThat(both.row().getInt("a")).isEqualTo(5);
    assertThat(both.row().getInt("b")).isEqualTo(-2);
    assertThat(withDefaults.row().getInt("a")).isEqualTo(100);
    assertThat(d.db.updateOrCreate("counter", Map.of("k", "e"), Assignments.add("a", 1), Map.of("a", 100))
        .row().getInt("a")).isEqualTo(101);
  }

  /** An Assignments object as a map value used to reach the driver; now it is a typed error. */
  @Test
  void anAssignmentsInsideTheUpdatesMapIsATypedErrorAndWritesNothing() {
    assertThatThrownBy(() -> d.db.updateOrCreate("counter", Map.of("k", "x"),
        Map.of("a", Assignments.add("a", 1)), null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Assignments");
    assertThatThrownBy(() -> d.db.updateOrCreate("counter", Map.of("k", "x"), Assignments.set("k", "y"), null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lookup");
    assertThatThrownBy(() -> d.db.updateOrCreate("counter", Map.of("k", "x"), Assignments.add("nope", 1), null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
    assertThat(d.count("counter")).isZero();
  }

  /**
   * Eight threads add 1 to four hot keys through increment-or-create, each call in its own
   * transaction at {@code isolation} under a retry policy, on a keyed table and (where racefree
   * does not refuse) a table without a unique key. Every counter ends equal to the increments
   * acknowledged for it, every key was created exactly once, and each call reported either created
   * or updated.
   */
  @ParameterizedTest
  @MethodSource("isolations")
  void concurrentIncrementsAreNeverLost(Isolation isolation) throws Exception {
    boolean unkeyed = !refusesWithoutKey(isolation);
    TransactionOptions options = options(isolation).withRetry(RetryPolicy.standard().withMaxAttempts(200));
    Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    Map<String, AtomicLong> created = new ConcurrentHashMap<>();
    AtomicLong neither = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom random = new SplittableRandom(7 + t);
      workers.add(pool.submit(() -> {
        for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
          String table = unkeyed && i % 2 == 1 ? "tag" : "counter";
          String column = table.equals("tag") ? "v" : "a";
          String key = "hot" + random.nextInt(HOT_KEYS);
          UpdateOrCreateResult result = d.db.withTransaction(options,
              tx -> tx.updateOrCreate(table, Map.of("k", key), Assignments.add(column, 1), null));
          acknowledged.computeIfAbsent(table + "/" + key, k -> new AtomicLong()).incrementAndGet();
          if (result.created()) {
            created.computeIfAbsent(table + "/" + key, k -> new AtomicLong()).incrementAndGet();
          }
          if (result.created() == result.updated()) {
            neither.incrementAndGet();
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> worker : workers) {
      worker.get(180, TimeUnit.SECONDS);
    }
    for (Map.Entry<String, AtomicLong> entry : acknowledged.entrySet()) {
      String[] tableAndKey = entry.getKey().split("/");
      List<Row> rows = d.db.list(tableAndKey[0], Map.of("k", tableAndKey[1]));
      assertThat(rows).as("rows of %s", entry.getKey()).hasSize(1);
      String column = tableAndKey[0].equals("tag") ? "v" : "a";
      assertThat(rows.get(0).getLong(column)).as("lost increment on %s", entry.getKey())
          .isEqualTo(entry.getValue().get());
      assertThat(created.get(entry.getKey())).as("creations of %s", entry.getKey()).hasValue(1);
    }
    assertThat(neither).as("calls that reported neither or both").hasValue(0);
  }

  @Test
  void updateOrCreateAllSetsExistingRowsCreatesMissingOnesInTheCallersOrder() {
    d.db.insert("item", Map.of("k", "k1", "v", 1));
    d.db.insert("item", Map.of("k", "k3", "v", 3, "note", "old"));
    List<Map<String, Object>> rows = List.of(
        Map.of("k", "k3", "v", 30), Map.of("k", "k1", "v", 10), Map.of("k", "k2", "v", 20),
        Map.of("k", "k4", "v", 40, "note", "new"), Map.of("k", "k0"));
    List<UpdateOrCreateResult> results = d.db.updateOrCreateAll("item", rows, "k");
    assertThat(results).extracting(r -> r.row().getString("k")).containsExactly("k3", "k1", "k2", "k4", "k0");
    assertThat(results).extracting(UpdateOrCreateResult::created).containsExactly(false, false, true, true, true);
    assertThat(results).extracting(UpdateOrCreateResult::updated).containsExactly(true, true, false, false, false);
    assertThat(results).extracting(r -> r.row().getInt("v")).containsExactly(30, 10, 20, 40, null);
    assertThat(results.get(0).row().getString("note")).isEqualTo("old");
    assertThat(results.get(3).row().getString("note")).isEqualTo("new");
    assertThat(d.count("item")).isEqualTo(5);
    List<UpdateOrCreateResult> again = d.db.updateOrCreateAll("item", List.of(Map.of("k", "k2")), "k");
    assertThat(again.get(0).created() || again.get(0).updated()).isFalse();
  }

  /** 400 rows, half of them existing: a handful of statements, not one or more per row. */
  @Test
  void updateOrCreateAllTakesAFewStatementsHoweverManyRows() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(Map.of("k", "bulk-" + i, "v", i));
    }
    d.db.updateOrCreateAll("item", rows.subList(0, 200), "k");
    try (java.sql.Connection connection = d.dataSource.getConnection()) {
      io.racefree.support.CountingDataSource counting = new io.racefree.support.CountingDataSource(connection);
      io.racefree.Database onOne = io.racefree.Database.of(counting);
      onOne.withTransaction(tx -> tx.updateOrCreateAll("item", rows.subList(0, 1), "k")); // catalog, keys
      int before = counting.statements();
      List<UpdateOrCreateResult> results = onOne.withTransaction(tx -> tx.updateOrCreateAll("item", rows, "k"));
      // PostgreSQL: savepoint, upsert, release. Others: read, update, read back, insert (H2: plus a
      // read, no RETURNING; SQLite: plus BEGIN IMMEDIATE and COMMIT, sent as statements)
      assertThat(counting.statements() - before).isLessThanOrEqualTo(6);
      assertThat(results).hasSize(400);
      assertThat(results.stream().filter(UpdateOrCreateResult::created).count()).isEqualTo(200);
      assertThat(results.stream().filter(UpdateOrCreateResult::updated).count()).isEqualTo(200);
      assertThat(results.get(399).row().getInt("v")).isEqualTo(399);
    }
  }

  @Test
  void updateOrCreateAllRefusesBadInputAndWritesNothing() {
    assertThatThrownBy(() -> d.db.updateOrCreateAll("item", List.of(Map.of("k", "a", "v", 1), Map.of("k", "a", "v", 2)), "k"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same lookup");
    assertThatThrownBy(() -> d.db.updateOrCreateAll("item", List.of(Map.of("k", "a"), Map.of("v", 2)), "k"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lookup column 'k'");
    assertThatThrownBy(() -> d.db.updateOrCreateAll("item", List.of(Map.of("k", "a", "nope", 2)), "k"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> d.db.updateOrCreateAll("item", List.of(Map.of("k", "a"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(d.count("item")).isZero();
  }

  /**
   * Four threads write the same 60 counters, two in ascending and two in descending key order, at
   * {@code isolation} under a retry policy that records every failed attempt. First they race to
   * create them: every key is created exactly once, and only MariaDB/MySQL may deadlock there
   * (InnoDB gives each loser of a duplicate key a shared lock it must then upgrade; the retry
   * settles it). Then ten rounds over the existing rows: no deadlock on any engine. Results come
   * back in each caller's order with exactly one of created/updated.
   */
  @ParameterizedTest
  @MethodSource("isolations")
  void oppositeOrderBatchesDoNotDeadlock(Isolation isolation) throws Exception {
    AtomicLong created = new AtomicLong();
    List<io.racefree.error.ErrorCategory> creating = batchesInOppositeOrders(isolation, 1, created);
    assertThat(created).as("keys created").hasValue(60);
    if (engine() != Engine.MARIADB && engine() != Engine.MYSQL) {
      assertThat(creating).as("failed attempts creating at %s", isolation).doesNotContain(io.racefree.error.ErrorCategory.DEADLOCK);
    }
    List<io.racefree.error.ErrorCategory> updating = batchesInOppositeOrders(isolation, 10, created);
    assertThat(updating).as("failed attempts updating at %s", isolation).doesNotContain(io.racefree.error.ErrorCategory.DEADLOCK);
    assertThat(created).hasValue(60);
    assertThat(d.count("counter")).isEqualTo(60);
  }

  /** Runs the batches and returns the categories of the attempts that failed. */
  private List<io.racefree.error.ErrorCategory> batchesInOppositeOrders(Isolation isolation, int rounds, AtomicLong created)
      throws Exception {
    java.util.concurrent.ConcurrentLinkedQueue<io.racefree.error.ErrorCategory> failures =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    TransactionOptions options = options(isolation).withRetry(RetryPolicy.standard().withMaxAttempts(200)
        .withListener(attempt -> failures.add(attempt.failure().category())));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        for (int round = 0; round < rounds; round++) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            int key = thread % 2 == 0 ? i : 59 - i;
            rows.add(Map.of("k", "c" + key, "a", round, "b", thread));
          }
          List<UpdateOrCreateResult> results = d.db.withTransaction(options, tx -> tx.updateOrCreateAll("counter", rows, "k"));
          for (int i = 0; i < rows.size(); i++) {
            assertThat(results.get(i).row().getString("k")).isEqualTo(rows.get(i).get("k"));
            assertThat(results.get(i).created()).isNotEqualTo(results.get(i).updated());
          }
          created.addAndGet(results.stream().filter(UpdateOrCreateResult::created).count());
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> worker : workers) {
      worker.get(180, TimeUnit.SECONDS);
    }
    return List.copyOf(failures);
  }
}
