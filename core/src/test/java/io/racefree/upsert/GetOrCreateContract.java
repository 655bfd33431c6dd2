package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.racefree.Row;
import io.racefree.error.RacefreeException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.testing.Engine;
import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcomes;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed interleavings of issue 3, forced with {@link Interleaving}, each run with racefree and
 * with the naive Django 1.x pattern on the same interleaving. Subclassed once per database.
 */
abstract class GetOrCreateContract extends UpsertApiContract {
  // ---- 1. seeds 000/001/003: T1 reads and misses, T2 inserts and commits, T1 gets-or-creates ----

  @ParameterizedTest
  @MethodSource("isolations")
  void rowCommittedAfterAMissIsReturnedOrRetriedNeverNotFound(Isolation isolation) {
    assumeFalse(engine() == Engine.MARIADB && isolation == Isolation.SERIALIZABLE,
        "MariaDB SERIALIZABLE: T1's read takes a gap lock, so T2's insert waits; the seed cannot happen");
    AtomicInteger attempts = new AtomicInteger();
    List<RacefreeException> retried = new CopyOnWriteArrayList<>();
    TransactionOptions opts = seedOneOptions(isolation)
        .withRetry(RetryPolicy.standard().withListener(attempt -> retried.add(attempt.failure())));
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      race.actor("T1", () -> d.db.withTransaction(opts, tx -> {
        if (attempts.incrementAndGet() == 1) {
          assertThat(tx.find("item", Map.of("k", "q"))).isEmpty();
          race.reach("T1 read");
          race.await("T2 committed");
        }
        return tx.getOrCreate("item", Map.of("k", "q"), Map.of("v", 7));
      }));
      race.actor("T2", () -> {
        race.await("T1 read");
        Row row = d.db.insert("item", Map.of("k", "q", "v", 42));
        race.reach("T2 committed");
        return row;
      });
      Outcomes outcomes = race.runCollecting();
      outcomes.throwIfAnyFailed();
      GetOrCreateResult result = (GetOrCreateResult) outcomes.of("T1").value();
      Row winner = (Row) outcomes.of("T2").value();
      assertThat(result.created()).isFalse();
      assertThat(result.row().getLong("id")).isEqualTo(winner.getLong("id"));
      assertThat(result.row().getInt("v")).isEqualTo(42);
      if (hidesNewRows(isolation)) {
        assertThat(retried).singleElement().satisfies(failure -> assertThat(failure.isRetryable()).isTrue());
      } else {
        assertThat(retried).isEmpty();
      }
    }
    assertThat(d.count("item")).isEqualTo(1);
  }

  TransactionOptions seedOneOptions(Isolation isolation) {
    // SQLite: with the write lock taken first T2 would simply wait; the seed needs a deferred BEGIN.
    return options(isolation).withSqliteWriteLockFirst(false);
  }

  @ParameterizedTest
  @MethodSource("isolations")
  void naivePatternOnTheSameInterleavingFailsWhereTheSnapshotHidesTheRow(Isolation isolation) throws Exception {
    assumeFalse(engine() == Engine.MARIADB && isolation == Isolation.SERIALIZABLE, "see above");
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      race.actor("T1", () -> {
        try (NaiveDjango naive = new NaiveDjango(d.connect(), "item", Map.of("k", "q"), isolation)) {
          assertThat(naive.get()).isNull();
          race.reach("T1 read");
          race.await("T2 committed");
          return naive.createOrGet();
        }
      });
      race.actor("T2", () -> {
        race.await("T1 read");
        d.db.insert("item", Map.of("k", "q", "v", 42));
        race.reach("T2 committed");
      });
      Outcomes outcomes = race.runCollecting();
      outcomes.throwIfAnyFailed();
      // Seeds 000/001/003: at REPEATABLE READ (MariaDB too) the re-read after the duplicate misses.
      boolean seesRow = isolation == Isolation.READ_COMMITTED && engine() != Engine.SQLITE;
      assertThat(outcomes.of("T1").value()).isEqualTo(
          seesRow ? NaiveDjango.Outcome.FOUND : NaiveDjango.Outcome.NOT_FOUND_AFTER_DUPLICATE);
    }
  }

  // ---- 2. seed 002: no unique constraint, N concurrent creators ----

  @ParameterizedTest
  @MethodSource("isolations")
  void concurrentCreatorsWithoutAUniqueKeyLeaveOneRowOrAreRefused(Isolation isolation) {
    concurrentCreators("tag", lookup("k", "hot"), isolation);
  }

  @ParameterizedTest
  @MethodSource("isolations")
  void naiveCreatorsWithoutAUniqueKeyDuplicate(Isolation isolation) throws Exception {
    naiveCreators("tag", lookup("k", "hot"), isolation);
  }

  // ---- 5. NULL in a lookup column of a nullable unique key ----

  @ParameterizedTest
  @MethodSource("isolations")
  void nullInANullableUniqueKeyLeavesOneRowOrIsRefused(Isolation isolation) {
    concurrentCreators("pair", lookup("a", 1, "b", null), isolation);
  }

  @ParameterizedTest
  @MethodSource("isolations")
  void naiveCreatorsDuplicateANullInAUniqueKey(Isolation isolation) throws Exception {
    naiveCreators("pair", lookup("a", 1, "b", null), isolation);
  }

  static Map<String, Object> lookup(Object... pairs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Every creator reads and misses before any of them goes on (where the engine lets them). */
  boolean creatorsCanAllReadFirst(Isolation isolation) {
    // SQLite: BEGIN IMMEDIATE admits one transaction at a time. MariaDB SERIALIZABLE: the reads
    // take gap locks the creators then wait on, a test-made deadlock with the named lock.
    return engine() != Engine.SQLITE
        && !(engine() == Engine.MARIADB && isolation == Isolation.SERIALIZABLE);
  }

  void concurrentCreators(String table, Map<String, Object> lookup, Isolation isolation) {
    boolean barrier = creatorsCanAllReadFirst(isolation);
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      for (int i = 0; i < CREATORS; i++) {
        int me = i;
        AtomicInteger attempts = new AtomicInteger();
        race.actor("C" + me, () -> d.db.withTransaction(
            options(isolation).withRetry(RetryPolicy.standard()), tx -> {
              if (barrier && attempts.incrementAndGet() == 1) {
                assertThat(tx.find(table, lookup)).isEmpty();
                race.reach("C" + me + " read");
                for (int other = 0; other < CREATORS; other++) {
                  race.await("C" + other + " read");
                }
              }
              return tx.getOrCreate(table, lookup, Map.of());
            }));
      }
      Outcomes outcomes = race.runCollecting();
      if (refusesWithoutKey(isolation)) {
        outcomes.all().forEach(outcome ->
            assertThat(outcome.failure()).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("unique"));
        assertThat(d.count(table)).isZero();
        return;
      }
      outcomes.throwIfAnyFailed();
      long created = outcomes.all().stream()
          .filter(outcome -> ((GetOrCreateResult) outcome.value()).created()).count();
      assertThat(created).isEqualTo(1);
      assertThat(d.count(table)).isEqualTo(1);
    }
  }

  void naiveCreators(String table, Map<String, Object> lookup, Isolation isolation) throws Exception {
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      for (int i = 0; i < CREATORS; i++) {
        int me = i;
        race.actor("C" + me, () -> {
          try (NaiveDjango naive = new NaiveDjango(d.connect(), table, lookup, isolation)) {
            assertThat(naive.get()).isNull();
            race.reach("C" + me + " read");
            for (int other = 0; other < CREATORS; other++) {
              race.await("C" + other + " read");
            }
            NaiveDjango.Outcome outcome = naive.createOrGet();
            naive.commit();
            return outcome;
          }
        });
      }
      race.runCollecting();
    }
    if (naiveDuplicates(isolation)) {
      assertThat(d.count(table)).as("seed 002: every naive creator inserted").isEqualTo(CREATORS);
    } else {
      assertThat(d.count(table)).isLessThanOrEqualTo(1);
    }
  }
}
