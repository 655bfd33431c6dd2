package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.error.TransactionStateException;
import io.racefree.testing.Engine;
import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcomes;
import io.racefree.testing.SessionProbe;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, items 1-8: the edges real schemas have (collations, citext, numeric scale, char
 * padding), creator locks held to the end of the transaction, canonical order in getOrCreateAll,
 * when suppliers run, and locks after the callback ended. Run by each database's
 * {@code *GetOrCreateIT}.
 */
abstract class RealSchemaContract extends UpsertApiContract {

  /** Two spellings the column compares equal, and the column type that says so. */
  record EqualPair(String name, String columnType, Object first, Object second, boolean keyable) {
    EqualPair(String name, String columnType, Object first, Object second) {
      this(name, columnType, first, second, true);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The pairs this engine's columns compare equal although Java does not. */
  List<EqualPair> equalPairs() {
    return List.of();
  }

  /** DDL a test table with {@code column} needs first (PostgreSQL: the collation, citext). */
  void prepareTypes() {}

  Stream<EqualPair> pairs() {
    List<EqualPair> pairs = equalPairs();
    return pairs.isEmpty() ? Stream.of(new EqualPair("none", "", "", "")) : pairs.stream();
  }

  // ---- item 1: the creator lock follows the column's own equality ----

  @ParameterizedTest
  @MethodSource("pairs")
  void creatorsOfTwoSpellingsTheColumnHoldsEqualLeaveOneRow(EqualPair pair) throws Exception {
    assumeFalse(pair.columnType().isEmpty(), "the engine's columns hold no such pairs");
    assumeFalse(creatorLockIsolations().isEmpty(), "no creator lock on this engine");
    for (Isolation isolation : creatorLockIsolations()) {
      prepareTypes();
      d.execute("DROP TABLE IF EXISTS word",
          "CREATE TABLE word (" + d.idColumn() + ", k " + pair.columnType() + ", v INT)");
      Map<String, SessionProbe> sessions = new ConcurrentHashMap<>();
      try (Interleaving race = Interleaving.create(TIMEOUT); Connection observer = d.connect()) {
        race.actor("C1", () -> d.db.withTransaction(options(isolation).withRetry(RetryPolicy.standard()), tx ->
            tx.getOrCreate("word", Map.of("k", pair.first()), Map.of("v", (Supplier<Integer>) () -> {
              race.reach("C1 inserting");
              race.await("C2 blocked");
              return 1;
            }))));
        race.actor("C2", () -> {
          race.await("C1 inserting");
          return d.db.withTransaction(options(isolation).withRetry(RetryPolicy.standard()), tx -> {
            if (sessions.putIfAbsent("C2", d.currentSession()) == null) {
              race.reach("C2 began");
            }
            return tx.getOrCreate("word", Map.of("k", pair.second()), Map.of("v", 2));
          });
        });
        observeBlocked(race, observer, sessions, "C2");
        Outcomes outcomes = race.runCollecting();
        outcomes.throwIfAnyFailed();
        GetOrCreateResult first = (GetOrCreateResult) outcomes.of("C1").value();
        GetOrCreateResult second = (GetOrCreateResult) outcomes.of("C2").value();
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.row().getLong("id")).isEqualTo(first.row().getLong("id"));
      }
      assertThat(d.count("word")).as(pair + " at " + isolation).isEqualTo(1);
    }
  }

  /**
   * The levels at which concurrent creators meet in the creator lock: every level on MariaDB;
   * READ COMMITTED on PostgreSQL (the others are refused); none on H2 (refused) and SQLite (one
   * writer, so creators never overlap).
   */
  List<Isolation> creatorLockIsolations() {
    return switch (engine()) {
      case MARIADB, MYSQL -> isolations();
      case POSTGRESQL -> List.of(Isolation.READ_COMMITTED);
      default -> List.of();
    };
  }

  // ---- item 3: updateOrCreate without updates never rewrites the stored row ----

  @ParameterizedTest
  @MethodSource("pairs")
  void updateOrCreateWithoutUpdatesKeepsTheStoredSpelling(EqualPair pair) throws Exception {
    assumeFalse(pair.columnType().isEmpty(), "the engine's columns hold no such pairs");
    assumeFalse(engine() == Engine.SQLITE, "one writer: T2 cannot commit while T1 is in its call");
    assumeTrue(pair.keyable(), "the type cannot have a unique key");
    prepareTypes();
    d.execute("DROP TABLE IF EXISTS word",
        "CREATE TABLE word (" + d.idColumn() + ", k " + pair.columnType() + " UNIQUE, v INT)");
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      race.actor("T1", () -> d.db.withTransaction(options(Isolation.READ_COMMITTED), tx ->
          tx.updateOrCreate("word", Map.of("k", pair.second()), Map.of(),
              Map.of("v", (Supplier<Integer>) () -> {
                race.reach("T1 creating");
                race.await("T2 committed");
                return 1;
              }))));
      race.actor("T2", () -> {
        race.await("T1 creating");
        d.db.insert("word", Map.of("k", pair.first(), "v", 42));
        race.reach("T2 committed");
      });
      Outcomes outcomes = race.runCollecting();
      outcomes.throwIfAnyFailed();
      UpdateOrCreateResult result = (UpdateOrCreateResult) outcomes.of("T1").value();
      assertThat(result.created()).isFalse();
      assertThat(result.updated()).isFalse();
      assertThat(result.row().getInt("v")).isEqualTo(42);
    }
    List<Row> rows = d.db.withSession(session -> session.query("SELECT k, v FROM word"));
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(sameForm(row.get("k"), pair.first())).as("stored " + row.get("k")).isTrue();
      assertThat(row.getInt("v")).isEqualTo(42);
    });
  }

  private static boolean sameForm(Object stored, Object written) {
    if (stored instanceof BigDecimal decimal && written instanceof BigDecimal expected) {
      return decimal.toPlainString().equals(expected.toPlainString());
    }
    return String.valueOf(stored).equals(String.valueOf(written));
  }

  // ---- item 4: getOrCreateAll's created flags follow what the insert returned ----

  @Test
  void getOrCreateAllReportsEveryRowItInsertedAsCreated() {
    d.execute("CREATE TABLE stamp (" + d.idColumn() + ", at TIMESTAMP NOT NULL, code CHAR(4) NOT NULL,"
        + " CONSTRAINT stamp_key UNIQUE (at, code))");
    List<Map<String, Object>> lookups = List.of(
        Map.of("at", LocalDateTime.of(2026, 1, 2, 3, 4, 5), "code", "ab"),
        Map.of("at", LocalDateTime.of(2026, 1, 2, 3, 4, 6), "code", "abcd"));
    List<GetOrCreateResult> first = d.db.withTransaction(tx -> tx.getOrCreateAll("stamp", lookups, Map.of()));
    assertThat(first).extracting(GetOrCreateResult::created).containsExactly(true, true);
    List<GetOrCreateResult> again = d.db.withTransaction(tx -> tx.getOrCreateAll("stamp", lookups, Map.of()));
    assertThat(again).extracting(GetOrCreateResult::created).containsExactly(false, false);
    assertThat(again.get(0).row().getLong("id")).isEqualTo(first.get(0).row().getLong("id"));
    assertThat(d.count("stamp")).isEqualTo(2);
  }

  // ---- item 5: suppliers run at the right moment ----

  @ParameterizedTest
  @MethodSource("isolations")
  void creationSuppliersNeverRunWhenTheRowIsVisible(Isolation isolation) {
    d.db.insert("item", Map.of("k", "seen", "v", 1));
    Supplier<Integer> fails = () -> {
      throw new IllegalStateException("a creation supplier ran for a row that exists");
    };
    GetOrCreateResult got = d.db.withTransaction(options(isolation),
        tx -> tx.getOrCreate("item", Map.of("k", "seen"), Map.of("v", fails)));
    assertThat(got.created()).isFalse();
    UpdateOrCreateResult updated = d.db.withTransaction(options(isolation),
        tx -> tx.updateOrCreate("item", Map.of("k", "seen"), Map.of("v", 3), Map.of("v", fails)));
    assertThat(updated.updated()).isTrue();
    if (refusesWithoutKey(isolation)) {
      return;
    }
    GetOrCreateResult noKey = d.db.withTransaction(options(isolation).withRetry(RetryPolicy.none()), tx -> {
      tx.insert("tag", Map.of("k", "seen"));
      return tx.getOrCreate("tag", Map.of("k", "seen"), Map.of("v", fails));
    });
    assertThat(noKey.created()).isFalse();
  }

  @Test
  void racingCreatorsAtSerializableOnMariaDbCallTheSupplierOnce() {
    assumeTrue(engine() == Engine.MARIADB || engine() == Engine.MYSQL, "InnoDB SERIALIZABLE inserts first");
    AtomicInteger calls = new AtomicInteger();
    int threads = 8;
    try (Interleaving race = Interleaving.create(TIMEOUT)) {
      for (int i = 0; i < threads; i++) {
        int me = i;
        race.actor("C" + me, () -> {
          race.reach("C" + me + " ready");
          for (int other = 0; other < threads; other++) {
            race.await("C" + other + " ready");
          }
          return d.db.withTransaction(options(Isolation.SERIALIZABLE).withRetry(RetryPolicy.standard()),
              tx -> tx.getOrCreate("item", Map.of("k", "hot"),
                  Map.of("v", (Supplier<Integer>) calls::incrementAndGet)));
        });
      }
      race.runCollecting().throwIfAnyFailed();
    }
    assertThat(calls.get()).isEqualTo(1);
    assertThat(d.count("item")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("isolations")
  void updateSuppliersRunOnceTheRowIsLocked(Isolation isolation) throws Exception {
    assumeFalse(engine() == Engine.SQLITE, "one writer: no concurrent row lock to wait for");
    d.db.insert("counter", Map.of("k", "c"));
    AtomicBoolean committed = new AtomicBoolean();
    Map<String, SessionProbe> sessions = new ConcurrentHashMap<>();
    try (Interleaving race = Interleaving.create(TIMEOUT); Connection observer = d.connect()) {
      race.actor("T2", () -> holdUncommitted(race, "UPDATE counter SET b = 5 WHERE k = 'c'",
          "T2 locked", "T1 blocked", () -> committed.set(true), true));
      race.actor("T1", () -> {
        race.await("T2 locked");
        return d.db.withTransaction(options(isolation).withRetry(RetryPolicy.standard()), tx -> {
          if (sessions.putIfAbsent("T1", d.currentSession()) == null) {
            race.reach("T1 began");
          }
          return tx.updateOrCreate("counter", Map.of("k", "c"),
              Map.of("a", (Supplier<Integer>) () -> committed.get() ? 1 : -1), null);
        });
      });
      observeBlocked(race, observer, sessions, "T1");
      race.runCollecting().throwIfAnyFailed();
    }
    Row row = d.db.get("counter", Map.of("k", "c"));
    assertThat(row.getInt("a")).as("the supplier ran after T2 released the row").isEqualTo(1);
    assertThat(row.getInt("b")).isEqualTo(5);
  }

  // ---- item 6: a transaction that creates twice never waits on a creator lock it let go ----

  @ParameterizedTest
  @MethodSource("isolations")
  void creatorLockHeldToTheEndOfTheTransactionBreaksTheNamedLockRowLockCycle(Isolation isolation)
      throws Exception {
    assumeTrue(creatorLockIsolations().contains(isolation) && engine() != Engine.SQLITE,
        "the creator lock is used here, by concurrent transactions");
    Map<String, SessionProbe> sessions = new ConcurrentHashMap<>();
    try (Interleaving race = Interleaving.create(TIMEOUT); Connection observer = d.connect()) {
      race.actor("T1", () -> d.db.withTransaction(options(isolation), tx -> {
        tx.updateOrCreate("tag", Map.of("k", "x"), Map.of("v", 1), null);
        race.reach("T1 created");
        race.await("T2 blocked");
        return tx.updateOrCreate("tag", Map.of("k", "x"), Map.of("v", 2), null);
      }));
      race.actor("T2", () -> {
        race.await("T1 created");
        return d.db.withTransaction(options(isolation).withRetry(RetryPolicy.standard()), tx -> {
          if (sessions.putIfAbsent("T2", d.currentSession()) == null) {
            race.reach("T2 began");
          }
          return tx.updateOrCreate("tag", Map.of("k", "x"), Map.of("v", 3), null);
        });
      });
      observeBlocked(race, observer, sessions, "T2");
      Outcomes outcomes = race.runCollecting();
      outcomes.throwIfAnyFailed();
      assertThat(((UpdateOrCreateResult) outcomes.of("T1").value()).updated()).isTrue();
      assertThat(((UpdateOrCreateResult) outcomes.of("T2").value()).updated()).isTrue();
    }
    assertThat(d.db.get("tag", Map.of("k", "x")).getInt("v")).isEqualTo(3);
    assertThat(d.count("tag")).isEqualTo(1);
  }

  // ---- item 7: getOrCreateAll takes keys in one canonical order ----

  @Test
  void getOrCreateAllInsertsInKeyOrderWhateverTheCallersOrder() throws Exception {
    assumeFalse(engine() == Engine.SQLITE, "one writer: inserts never wait on each other");
    assumeFalse(engine() == Engine.H2, GetOrCreateContract.H2_INSERT_WAIT);
    Map<String, SessionProbe> sessions = new ConcurrentHashMap<>();
    try (Interleaving race = Interleaving.create(TIMEOUT); Connection observer = d.connect()) {
      race.actor("X", () -> holdUncommitted(race, "INSERT INTO item (k) VALUES ('a')",
          "X holds a", "Y inserted b", () -> {}, false));
      race.actor("T", () -> {
        race.await("X holds a");
        return d.db.withTransaction(options(Isolation.READ_COMMITTED), tx -> {
          if (sessions.putIfAbsent("T", d.currentSession()) == null) {
            race.reach("T began");
          }
          return tx.getOrCreateAll("item", List.of(Map.of("k", "b"), Map.of("k", "a")), Map.of());
        });
      });
      race.actor("Y", () -> {
        race.await("T blocked");
        // T waits for 'a' before it touched 'b' (keys in order), so this insert does not wait.
        d.db.insert("item", Map.of("k", "b", "v", 7));
        race.reach("Y inserted b");
      });
      observeBlocked(race, observer, sessions, "T");
      Outcomes outcomes = race.runCollecting();
      outcomes.throwIfAnyFailed();
      @SuppressWarnings("unchecked")
      List<GetOrCreateResult> results = (List<GetOrCreateResult>) outcomes.of("T").value();
      assertThat(results).extracting(r -> r.row().getString("k")).containsExactly("b", "a");
      assertThat(results).extracting(GetOrCreateResult::created).containsExactly(false, true);
      assertThat(results.get(0).row().getInt("v")).isEqualTo(7);
    }
    assertThat(d.count("item")).isEqualTo(2);
  }

  @Test
  void batchesWithTheSameKeysInOppositeOrdersBothFinish() {
    int rounds = 10;
    for (int round = 0; round < rounds; round++) {
      List<Map<String, Object>> keys = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        keys.add(Map.of("k", "r" + round + "-" + i));
      }
      List<Map<String, Object>> reversed = new ArrayList<>(keys);
      java.util.Collections.reverse(reversed);
      try (Interleaving race = Interleaving.create(TIMEOUT)) {
        for (List<Map<String, Object>> batch : List.of(keys, reversed)) {
          String name = batch == keys ? "forward" : "backward";
          race.actor(name, () -> {
            race.reach(name + " ready");
            race.await("forward ready");
            race.await("backward ready");
            // No retry: a deadlock would surface as a failure.
            return d.db.withTransaction(options(Isolation.READ_COMMITTED).withRetry(RetryPolicy.none()),
                tx -> tx.getOrCreateAll("item", batch, Map.of()));
          });
        }
        race.runCollecting().throwIfAnyFailed();
      }
    }
    assertThat(d.count("item")).isEqualTo(rounds * 20L);
  }

  /** An observer that reaches "{actor} blocked" once the actor, after "{actor} began", waits on a lock. */
  static void observeBlocked(Interleaving race, Connection observer, Map<String, SessionProbe> sessions,
      String actor) {
    race.actor("observer", () -> {
      race.await(actor + " began");
      race.awaitBlocked(actor, observer, sessions.get(actor));
      race.reach(actor + " blocked");
    });
  }

  /**
   * Runs {@code sql} in a transaction of its own connection, reaches {@code held}, waits for {@code
   * until}, runs {@code beforeEnd}, then commits or rolls back.
   */
  void holdUncommitted(Interleaving race, String sql, String held, String until, Runnable beforeEnd,
      boolean commit) throws Exception {
    try (Connection connection = d.connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.executeUpdate();
      }
      race.reach(held);
      race.await(until);
      beforeEnd.run();
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    }
  }

  // ---- item 8: a lock after the callback ended fails the same way everywhere ----

  @Test
  void lockingAfterTheCallbackEndedIsATransactionStateError() {
    Transaction ended = d.db.withTransaction(tx -> tx);
    assertThatThrownBy(() -> ended.lock("late")).isInstanceOf(TransactionStateException.class);
    assertThatThrownBy(() -> ended.tryLock("late", java.time.Duration.ZERO))
        .isInstanceOf(TransactionStateException.class);
    assertThatThrownBy(() -> ended.lockAll(List.of("late"))).isInstanceOf(TransactionStateException.class);
  }

  // ---- item 2: the catalog reads the table the connection uses, and only that one ----

  /** A second schema (MySQL family: database) next to the test's, created here; dropped by the caller. */
  String createOtherSchema() {
    String url = d.namespace.jdbcUrl();
    String other;
    if (engine() == Engine.POSTGRESQL) {
      other = url.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1") + "_s";
      d.execute("CREATE SCHEMA " + other);
    } else if (engine() == Engine.MARIADB) {
      other = url.replaceAll(".*/([a-z0-9_]+)(\\?.*)?$", "$1") + "_s";
      d.execute("CREATE DATABASE " + other);
    } else {
      other = "rf_other";
      d.execute("CREATE SCHEMA " + other);
    }
    return other;
  }

  void dropOtherSchema(String other) {
    d.execute(engine() == Engine.MARIADB ? "DROP DATABASE IF EXISTS " + other
        : engine() == Engine.POSTGRESQL ? "DROP SCHEMA IF EXISTS " + other + " CASCADE"
        : "DROP SCHEMA IF EXISTS " + other + " CASCADE");
  }

  @Test
  void schemaQualifiedNamesReachTheirOwnTableAndKeys() {
    assumeFalse(engine() == Engine.SQLITE, "SQLite has no schemas (see the next test)");
    String other = createOtherSchema();
    try {
      d.execute("CREATE TABLE " + other + ".twin (" + d.idColumn() + ", k VARCHAR(40) NOT NULL, v INT,"
              + " CONSTRAINT twin_k_key UNIQUE (k))",
          "CREATE TABLE twin (" + d.idColumn() + ", k VARCHAR(40) NOT NULL, v INT)");
      String qualified = other + ".twin";
      UpsertOptions keyed = UpsertOptions.requiringUniqueKey();
      GetOrCreateResult there = d.db.withTransaction(tx -> tx.getOrCreate(qualified, Map.of("k", "a"), Map.of("v", 1), keyed));
      GetOrCreateResult again = d.db.withTransaction(tx -> tx.getOrCreate(qualified, Map.of("k", "a"), Map.of("v", 9), keyed));
      d.db.insert("twin", Map.of("k", "a", "v", 2));
      assertThat(there.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThatThrownBy(() -> d.db.withTransaction(tx -> tx.getOrCreate("twin", Map.of("k", "b"), Map.of(), keyed)))
          .as("the current schema's twin has no unique key").isInstanceOf(io.racefree.error.InvalidRequestException.class);
      UpdateOrCreateResult updated = d.db.withTransaction(tx -> tx.updateOrCreate(qualified, Map.of("k", "a"), Map.of("v", 5), null));
      assertThat(updated.updated()).isTrue();
      assertThat(d.db.get(qualified, Map.of("k", "a")).getInt("v")).isEqualTo(5);
      assertThat(d.db.get("twin", Map.of("k", "a")).getInt("v")).isEqualTo(2);
      for (String bad : List.of(other + ".tw`in", other + ".tw\"in", "a.b.c", other + ".", ".twin", other + ".nosuch")) {
        assertThatThrownBy(() -> d.db.withTransaction(tx -> tx.getOrCreate(bad, Map.of("k", "a"), Map.of())))
            .as(bad).isInstanceOf(io.racefree.error.InvalidRequestException.class);
      }
    } finally {
      dropOtherSchema(other);
    }
  }

  @Test
  void schemaQualifiedNamesAreATypedErrorOnSqlite() {
    assumeTrue(engine() == Engine.SQLITE, "SQLite only");
    assertThatThrownBy(() -> d.db.withTransaction(tx -> tx.getOrCreate("main.item", Map.of("k", "a"), Map.of())))
        .isInstanceOf(io.racefree.error.InvalidRequestException.class).hasMessageContaining("SQLite");
    assertThat(d.count("item")).isZero();
  }

  @Test
  void connectorJWithDatabaseTermSchemaReadsTheConnectionsOwnTable() throws Exception {
    assumeTrue("mysql-driver".equals(d.namespace.name()), "MySQL Connector/J only");
    String other = createOtherSchema();
    io.racefree.testing.db.internal.TrackedDataSource schemaTerm = new io.racefree.testing.db.internal.TrackedDataSource(
        d.namespace.jdbcUrl() + "?databaseTerm=SCHEMA&sessionVariables=innodb_lock_wait_timeout=20",
        d.namespace.user(), d.namespace.password(), engine());
    try {
      d.execute("CREATE TABLE " + other + ".twin (" + d.idColumn() + ", name VARCHAR(40) NOT NULL,"
              + " CONSTRAINT twin_name_key UNIQUE (name))",
          "CREATE TABLE twin (" + d.idColumn() + ", name VARCHAR(40) NOT NULL)");
      io.racefree.Database db = io.racefree.Database.of(schemaTerm);
      assertThatThrownBy(() -> db.withTransaction(tx -> tx.getOrCreate("twin", Map.of("name", "x"), Map.of(),
          UpsertOptions.requiringUniqueKey())))
          .as("test.twin has no key; test2.twin's must not be read")
          .isInstanceOf(io.racefree.error.InvalidRequestException.class);
      try (Interleaving race = Interleaving.create(TIMEOUT); Connection observer = d.connect()) {
        Map<String, SessionProbe> sessions = new ConcurrentHashMap<>();
        race.actor("C1", () -> db.withTransaction(options(Isolation.READ_COMMITTED), tx ->
            tx.getOrCreate("twin", Map.of("name", "x"), Map.of("id", (Supplier<Long>) () -> {
              race.reach("C1 inserting");
              race.await("C2 blocked");
              return 1L;
            }))));
        race.actor("C2", () -> {
          race.await("C1 inserting");
          return db.withTransaction(options(Isolation.READ_COMMITTED), tx -> {
            if (sessions.putIfAbsent("C2", SessionProbe.of(observerFor(tx))) == null) {
              race.reach("C2 began");
            }
            return tx.getOrCreate("twin", Map.of("name", "x"), Map.of("id", 2L));
          });
        });
        observeBlocked(race, observer, sessions, "C2");
        race.runCollecting().throwIfAnyFailed();
      }
      assertThat(d.count("twin")).isEqualTo(1);
    } finally {
      List<String> leaks = schemaTerm.closeAll();
      dropOtherSchema(other);
      assertThat(leaks).isEmpty();
    }
  }

  private static Connection observerFor(Transaction tx) {
    return tx.connection();
  }
}
