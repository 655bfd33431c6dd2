package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Row;
import io.racefree.error.InvalidRequestException;
import io.racefree.lock.Assignments;
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
}
