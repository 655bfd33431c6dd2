package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.InvalidRequestException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tx.claim}, the job queue: workers racing for jobs each get different ones, at most the
 * limit per claim, lowest order column first; no job is done twice or left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClaimContract {
  static final int JOBS = 60;
  static final int WORKERS = 8;
  static final int LIMIT = 4;

  TestDb db;

  abstract DatabaseKind kind();

  @BeforeAll
  void createSchema() {
    db = TestDb.create(kind());
    db.execute("CREATE TABLE job (id INT PRIMARY KEY, state VARCHAR(20) NOT NULL, seq INT NOT NULL,"
            + " worker VARCHAR(20))",
        "CREATE INDEX job_state_seq ON job (state, seq)");
  }

  /** Jobs 1..60 whose order column runs the other way: job 60 comes first. */
  @BeforeEach
  void enqueue() {
    db.execute("DELETE FROM job");
    db.database().useTransaction(tx -> {
      for (int id = 1; id <= JOBS; id++) {
        tx.insert("job", Map.of("id", id, "state", "ready", "seq", JOBS + 1 - id));
      }
    });
  }

  @AfterAll
  void drop() {
    LeakCheck.assertNoLocksHeld(db);
    db.close();
  }

  List<Isolation> isolations() {
    return kind() == DatabaseKind.SQLITE ? List.of(Isolation.SERIALIZABLE) : List.of(Isolation.values());
  }

  static List<Integer> ids(List<Row> rows) {
    return rows.stream().map(row -> row.getInt("id")).toList();
  }

  /** Claims and marks up to LIMIT jobs as done by {@code worker}; returns their ids. */
  static List<Integer> work(Transaction tx, String worker) {
    List<Integer> claimed = ids(tx.claim("job", Map.of("state", "ready"), "seq", LIMIT));
    for (Integer id : claimed) {
      tx.update("job", Map.of("id", id), Map.of("state", "done", "worker", worker));
    }
    return claimed;
  }

  /**
   * W1 claims three jobs and keeps them; W2 claims three meanwhile and gets the next three, not the
   * same ones and not none: the first worker does not take every free job.
   */
  @Test
  void aSecondWorkerGetsTheNextJobsWhileTheFirstHoldsItsOwn() {
    org.junit.jupiter.api.Assumptions.assumeFalse(kind() == DatabaseKind.SQLITE,
        "one writer: the second claimer waits for the write lock, shown by the hammer");
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("W1", () -> db.database().useTransaction(tx -> {
        first.addAll(ids(tx.claim("job", Map.of("state", "ready"), "seq", 3)));
        race.reach("W1 claimed");
        race.await("W2 claimed");
      }));
      race.actor("W2", () -> {
        race.await("W1 claimed");
        db.database().useTransaction(tx -> second.addAll(ids(tx.claim("job", Map.of("state", "ready"), "seq", 3))));
        race.reach("W2 claimed");
      });
      race.run();
    }
    assertThat(first).containsExactly(60, 59, 58);
    assertThat(second).containsExactly(57, 56, 55);
  }

  /**
   * Eight workers claim until the queue is empty, under a retry policy (snapshot levels fail a
   * claim that meets a job finished after its snapshot). Every job is done exactly once, by the
   * worker whose committed claim returned it, and no claim returned more than the limit.
   */
  @ParameterizedTest
  @MethodSource("isolations")
  void racingWorkersDoEveryJobOnce(Isolation isolation) throws Exception {
    TransactionOptions options = (kind() == DatabaseKind.SQLITE
        ? TransactionOptions.defaults() : TransactionOptions.isolation(isolation))
        .withRetry(RetryPolicy.standard().withMaxAttempts(100));
    ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> claimSizes = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      String worker = "w" + w;
      workers.add(threads.submit(() -> {
        List<Integer> claimed;
        do {
          claimed = db.database().withTransaction(options, tx -> work(tx, worker));
          claimSizes.add(claimed.size());
          claimed.forEach(id -> done.add(id + "=" + worker));
        } while (!claimed.isEmpty());
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(120, TimeUnit.SECONDS);
    }
    threads.shutdown();
    List<String> stored = db.database().list("job", Map.of()).stream()
        .map(row -> row.getInt("id") + "=" + row.getString("worker")).toList();
    assertThat(done).as("jobs done, with their worker").hasSize(JOBS).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(db.database().list("job", Map.of("state", "ready"))).isEmpty();
    assertThat(claimSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(LIMIT));
  }

  @Test
  void badInputIsATypedError() {
    assertThatThrownBy(() -> db.database().useTransaction(tx -> tx.claim("job", Map.of(), "seq", 0)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> db.database().useTransaction(tx -> tx.claim("job", Map.of(), "nope", 1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
  }
}
