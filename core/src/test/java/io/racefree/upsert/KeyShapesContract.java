package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.testing.Engine;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.RetryAttempt;
import io.racefree.error.UniqueViolationException;
import io.racefree.upsert.GetOrCreateResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.racefree.testing.Interleaving;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 9-12: keys read as the engine defines them (INCLUDE columns, partial indexes on
 * SQLite, DEFERRABLE constraints) and generated columns refused as targets. Run by each database's
 * {@code *GetOrCreateIT}.
 */
abstract class KeyShapesContract extends RealSchemaContract {

  /** The levels at which a lookup with no covering key gets or creates (SQLite: its only level). */
  List<Isolation> noKeyIsolations() {
    return engine() == Engine.SQLITE ? isolations() : creatorLockIsolations();
  }

  /** Gets or creates {@code lookup} twice at each level, the second time finding the first's row. */
  void getsThenFinds(String table, Map<String, ?> lookup, Map<String, ?> defaults, List<Isolation> levels) {
    for (Isolation isolation : levels) {
      d.execute("DELETE FROM " + table);
      GetOrCreateResult first = d.db.withTransaction(options(isolation), tx -> tx.getOrCreate(table, lookup, defaults));
      GetOrCreateResult second = d.db.withTransaction(options(isolation), tx -> tx.getOrCreate(table, lookup, defaults));
      assertThat(first.created()).as(isolation.toString()).isTrue();
      assertThat(second.created()).as(isolation.toString()).isFalse();
      assertThat(second.row().getLong("id")).isEqualTo(first.row().getLong("id"));
      assertThat(d.db.list(table, Map.of())).hasSize(1);
    }
  }

  /** Item 10: {@code UNIQUE (k) INCLUDE (v)} is a key on k alone. */
  @Test
  void includedColumnsAreNotKeyColumns() {
    assumeTrue(engine() == Engine.POSTGRESQL, "INCLUDE is PostgreSQL's");
    d.execute("CREATE TABLE inc (" + d.idColumn() + ", k INT NOT NULL, v INT, CONSTRAINT inc_k_key UNIQUE (k) INCLUDE (v))");
    getsThenFinds("inc", Map.of("k", 1), Map.of("v", 5), isolations());
    getsThenFinds("inc", Map.of("k", 1, "v", 5), Map.of(), isolations());
    for (Isolation isolation : isolations()) {
      d.execute("DELETE FROM inc");
      d.db.withTransaction(options(isolation), tx -> tx.updateOrCreate("inc", Map.of("k", 2), Map.of("v", 1), Map.of()));
      var second = d.db.withTransaction(options(isolation), tx -> tx.updateOrCreate("inc", Map.of("k", 2), Map.of("v", 7), Map.of()));
      assertThat(second.created()).isFalse();
      assertThat(d.db.get("inc", Map.of("k", 2)).getInt("v")).isEqualTo(7);
    }
  }

  /** Item 11: the soft-delete pattern; a partial unique index covers no lookup, on SQLite too. */
  @Test
  void aPartialUniqueIndexIsNotACoveringKey() {
    assumeTrue(engine() == Engine.SQLITE || engine() == Engine.POSTGRESQL, "partial indexes: SQLite, PostgreSQL");
    d.execute("CREATE TABLE member (" + d.idColumn() + ", email VARCHAR(80) NOT NULL, deleted_at VARCHAR(30))",
        "CREATE UNIQUE INDEX member_live_email ON member (email) WHERE deleted_at IS NULL");
    getsThenFinds("member", Map.of("email", "a@example.com"), Map.of(), noKeyIsolations());
  }

  /**
   * Item 9: ON CONFLICT cannot use a DEFERRABLE key, so such a key is not a covering key and
   * creators meet in the creator lock instead; racing creators leave one row, immediate or deferred.
   */
  @Test
  void deferrableKeysGetOrCreateAndRacingCreatorsLeaveOneRow() throws Exception {
    assumeTrue(engine() == Engine.POSTGRESQL, "DEFERRABLE is PostgreSQL's");
    for (String when : List.of("INITIALLY IMMEDIATE", "INITIALLY DEFERRED")) {
      d.execute("DROP TABLE IF EXISTS dk",
          "CREATE TABLE dk (" + d.idColumn() + ", k INT NOT NULL, v INT, CONSTRAINT dk_k_key UNIQUE (k) DEFERRABLE " + when + ")");
      getsThenFinds("dk", Map.of("k", 1), Map.of("v", 1), creatorLockIsolations());
      d.db.updateOrCreate("dk", Map.of("k", 1), Map.of("v", 2), Map.of());
      assertThat(d.db.get("dk", Map.of("k", 1)).getInt("v")).isEqualTo(2);
      AtomicInteger created = new AtomicInteger();
      try (Interleaving race = Interleaving.create(TIMEOUT)) {
        for (int i = 0; i < CREATORS; i++) {
          race.actor("C" + i, () -> {
            var result = d.db.withTransaction(
                options(Isolation.READ_COMMITTED).withRetry(RetryPolicy.standard()),
                tx -> tx.getOrCreate("dk", Map.of("k", 2), Map.of("v", 1)));
            if (result.created()) {
              created.incrementAndGet();
            }
          });
        }
        race.run();
      }
      assertThat(created.get()).as(when).isEqualTo(1);
      assertThat(d.db.list("dk", Map.of("k", 2))).as(when).hasSize(1);
    }
  }

  /** Item 12: a generated column is never written: a typed error before any SQL, nothing changed. */
  @Test
  void writingAGeneratedColumnIsATypedErrorAndChangesNothing() {
    d.execute("CREATE TABLE gen (" + d.idColumn() + ", k VARCHAR(20) NOT NULL, v INT,"
        + " g INT GENERATED ALWAYS AS (v * 2)" + (engine() == Engine.POSTGRESQL ? " STORED" : "")
        + ", CONSTRAINT gen_k_key UNIQUE (k))");
    d.db.getOrCreate("gen", Map.of("k", "a"), Map.of("v", 1));
    io.racefree.Row before = d.db.get("gen", Map.of("k", "a"));
    assertThat(before.get("g")).isNotNull();
    List<Runnable> writes = List.of(
        () -> d.db.getOrCreate("gen", Map.of("k", "b"), Map.of("g", 1)),
        () -> d.db.updateOrCreate("gen", Map.of("k", "a"), Map.of("g", 1), Map.of()),
        () -> d.db.updateOrCreate("gen", Map.of("k", "b"), Map.of("v", 1), Map.of("g", 1)),
        () -> d.db.updateOrCreate("gen", Map.of("k", "a"), io.racefree.lock.Assignments.add("g", 1), Map.of()),
        () -> d.db.getOrCreateAll("gen", List.of(Map.of("k", "b")), Map.of("g", 1)));
    for (Runnable write : writes) {
      assertThatThrownBy(write::run)
          .isInstanceOf(io.racefree.error.InvalidRequestException.class)
          .hasMessageContaining("generated column");
    }
    assertThat(d.db.list("gen", Map.of())).hasSize(1);
    assertThat(d.db.get("gen", Map.of("k", "a"))).isEqualTo(before);
  }

  /**
   * Item 13: the key compares values differently from the lookup's read (MariaDB prefix index,
   * PostgreSQL {@code real}); the answer is a unique violation naming the key, tried once, never a
   * retryable failure.
   */
  @Test
  void aKeyThatComparesDifferentlyFromTheLookupIsAUniqueViolationNotARetry() {
    String column = switch (engine()) {
      case MARIADB, MYSQL -> "name VARCHAR(20) NOT NULL, CONSTRAINT eq_name_key UNIQUE (name(3))";
      case POSTGRESQL -> "name REAL NOT NULL, CONSTRAINT eq_name_key UNIQUE (name)";
      default -> null;
    };
    assumeTrue(column != null, "no such key on this engine");
    d.execute("CREATE TABLE eq (" + d.idColumn() + ", " + column + ", v INT)");
    Object stored = engine() == Engine.POSTGRESQL ? (Object) 0.1f : "abcx";
    Object looked = engine() == Engine.POSTGRESQL ? (Object) 0.1d : "abcd";
    long id = d.db.insert("eq", Map.of("name", stored, "v", 1)).getLong("id");
    for (Isolation isolation : isolations()) {
      List<RetryAttempt> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
      var options = options(isolation).withRetry(RetryPolicy.standard().withListener(attempts::add));
      assertThatThrownBy(() -> d.db.withTransaction(options, tx -> tx.getOrCreate("eq", Map.of("name", looked), Map.of("v", 2))))
          .as(isolation.toString())
          .isInstanceOf(UniqueViolationException.class)
          .hasMessageContaining("eq_name_key");
      if (engine() == Engine.POSTGRESQL) {
        // ON CONFLICT DO UPDATE compares as the key does: it updates the row the key calls equal
        var updated = d.db.withTransaction(options, tx -> tx.updateOrCreate("eq", Map.of("name", looked), Map.of("v", 1), Map.of()));
        assertThat(updated.created()).isFalse();
        assertThat(updated.row().getLong("id")).isEqualTo(id);
      } else {
        assertThatThrownBy(() -> d.db.withTransaction(options, tx -> tx.updateOrCreate("eq", Map.of("name", looked), Map.of("v", 3), Map.of())))
            .as(isolation.toString())
            .isInstanceOf(UniqueViolationException.class)
            .hasMessageContaining("eq_name_key")
            .hasRootCauseInstanceOf(java.sql.SQLException.class);
      }
      assertThat(attempts).as("one attempt per failed call, never retried: " + isolation)
          .extracting(RetryAttempt::number).containsOnly(1);
      assertThat(attempts).extracting(RetryAttempt::failure).allMatch(UniqueViolationException.class::isInstance);
    }
    assertThat(d.db.list("eq", Map.of())).hasSize(1);
    assertThat(d.db.list("eq", Map.of()).get(0).getInt("v")).isEqualTo(1);
  }

  /**
   * Item 13, MariaDB/MySQL {@code DATETIME(0)}: a lookup with milliseconds does not match the
   * stored second in the read, but the insert rounds it onto the key: a unique violation naming the
   * key, tried once; a lookup of the stored second finds the row.
   */
  @Test
  void aSecondsKeyLookedUpWithMillisecondsIsAUniqueViolationNotARetry() {
    assumeTrue(engine() == Engine.MARIADB || engine() == Engine.MYSQL, "DATETIME(0) keys are the MySQL family's");
    d.execute("CREATE TABLE slot (" + d.idColumn() + ", at DATETIME(0) NOT NULL, v INT,"
        + " CONSTRAINT slot_at_key UNIQUE (at))");
    java.time.LocalDateTime second = java.time.LocalDateTime.of(2026, 12, 3, 10, 0, 0);
    long id = d.db.insert("slot", Map.of("at", second, "v", 1)).getLong("id");
    java.time.LocalDateTime withMillis = second.plusNanos(400_000_000);
    for (Isolation isolation : isolations()) {
      List<RetryAttempt> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
      var options = options(isolation).withRetry(RetryPolicy.standard().withListener(attempts::add));
      assertThatThrownBy(() -> d.db.withTransaction(options, tx -> tx.getOrCreate("slot", Map.of("at", withMillis), Map.of("v", 2))))
          .as(isolation.toString())
          .isInstanceOf(UniqueViolationException.class)
          .hasMessageContaining("slot_at_key");
      assertThat(attempts).as("tried once: " + isolation).extracting(RetryAttempt::number).containsOnly(1);
      GetOrCreateResult found = d.db.withTransaction(options(isolation), tx -> tx.getOrCreate("slot", Map.of("at", second), Map.of("v", 3)));
      assertThat(found.created()).isFalse();
      assertThat(found.row().getLong("id")).isEqualTo(id);
    }
    assertThat(d.db.list("slot", Map.of())).hasSize(1);
  }

  /** Item 15: a row that holds the key but differs in the lookup's other columns keeps the engine's error. */
  @Test
  void aKeyRowThatDiffersKeepsTheEnginesErrorAsItsCause() {
    d.db.insert("account", Map.of("k", "x", "email", "e1"));
    for (Isolation isolation : isolations()) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> d.db.withTransaction(options(isolation),
          tx -> tx.getOrCreate("account", Map.of("k", "x", "email", "e2"), Map.of())));
      assertThat(thrown).as(isolation.toString()).isInstanceOf(UniqueViolationException.class);
      if (engine() == Engine.MARIADB || engine() == Engine.MYSQL || engine() == Engine.H2) {
        assertThat(thrown).as(isolation.toString()).hasRootCauseInstanceOf(java.sql.SQLException.class);
      }
    }
    assertThat(d.db.list("account", Map.of())).hasSize(1);
  }

  /** Item 16: a unique violation in updateOrCreate's UPDATE step leaves the caller's transaction usable. */
  @Test
  void aUniqueViolationInTheUpdateStepLeavesTheTransactionUsable() {
    d.db.insert("account", Map.of("k", "a", "email", "a@x"));
    d.db.insert("account", Map.of("k", "b", "email", "b@x"));
    for (Isolation isolation : isolations()) {
      d.db.useTransaction(options(isolation), tx -> {
        assertThatThrownBy(() -> tx.updateOrCreate("account", Map.of("k", "a"), Map.of("email", "b@x"), Map.of()))
            .isInstanceOf(UniqueViolationException.class);
        tx.updateOrCreate("account", Map.of("k", "a"), Map.of("email", "a2@x"), Map.of());
      });
      assertThat(d.db.get("account", Map.of("k", "a")).getString("email")).isEqualTo("a2@x");
      d.db.update("account", Map.of("k", "a"), Map.of("email", "a@x"));
    }
  }
}
