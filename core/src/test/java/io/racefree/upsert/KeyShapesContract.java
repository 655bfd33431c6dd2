package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.testing.Engine;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.upsert.GetOrCreateResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.racefree.testing.Interleaving;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 9-11: keys read as the engine defines them (INCLUDE columns, partial indexes on
 * SQLite, DEFERRABLE constraints). Run by each database's {@code *GetOrCreateIT}.
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
}
