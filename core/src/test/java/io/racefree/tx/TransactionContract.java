package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.NotFoundException;
import io.racefree.error.SerializationFailureException;
import io.racefree.error.TooManyRowsException;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UniqueViolationException;
import io.racefree.support.CountingDataSource;
import io.racefree.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.testing.Interleaving;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transaction and data-access contract, run against every database by a subclass. */
abstract class TransactionContract {
  record Item(long id, String name, Integer qty) {}

  TestDatabase testDatabase;
  Database db;

  abstract TestDatabase open();

  /** The column definition of an auto-generated BIGINT primary key named id. */
  abstract String identityColumn();

  @BeforeEach
  void createSchema() {
    testDatabase = open();
    testDatabase.execute(
        "CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL,"
            + " qty INT, note VARCHAR(50), CONSTRAINT uk_item_name UNIQUE (name))");
    db = Database.of(testDatabase.dataSource());
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  @Test
  void insertReturnsTheStoredRowWithItsGeneratedKey() {
    Row first = db.insert("item", Map.of("name", "a", "qty", 1));
    Row second = db.insert("item", Map.of("name", "b"));
    assertThat(second.getLong("id")).isGreaterThan(first.getLong("id"));
    assertThat(second.get("qty")).isNull();
    assertThat(db.get("item", Map.of("name", "a")).getInt("qty")).isEqualTo(1);
  }

  @Test
  void getFindListUpdateDeleteByLookup() {
    db.insert("item", Map.of("name", "a", "qty", 1));
    db.insert("item", Map.of("name", "b", "qty", 1));
    db.insert("item", Map.of("name", "c"));
    assertThat(db.find("item", Map.of("name", "zz"))).isEmpty();
    assertThatThrownBy(() -> db.get("item", Map.of("name", "zz"))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("get(item)");
    assertThatThrownBy(() -> db.get("item", Map.of("qty", 1))).isInstanceOf(TooManyRowsException.class);
    Map<String, Object> nullQty = new HashMap<>();
    nullQty.put("qty", null);
    assertThat(db.get("item", nullQty).getString("name")).isEqualTo("c");
    assertThat(db.list("item", Map.of("qty", 1))).extracting(row -> row.getString("name")).containsExactly("a", "b");
    assertThat(db.update("item", Map.of("qty", 1), Map.of("note", "x"))).isEqualTo(2);
    assertThat(db.delete("item", Map.of("name", "a"))).isEqualTo(1);
    assertThat(db.list("item", Map.of())).hasSize(2);
  }

  @Test
  void rowsComeBackAsRecords() {
    db.insert("item", Map.of("name", "a", "qty", 3));
    Item item = db.withTransaction(tx -> tx.get(Item.class, "item", Map.of("name", "a")));
    assertThat(item.name()).isEqualTo("a");
    assertThat(item.qty()).isEqualTo(3);
    List<Item> items = db.withTransaction(tx -> tx.list(Item.class, "item", Map.of()));
    assertThat(items).containsExactly(item);
  }

  @Test
  void nestedFailureRollsBackToItsSavepointAndTheOuterTransactionGoesOn() {
    db.useTransaction(tx -> {
      tx.insert("item", Map.of("name", "a"));
      assertThatThrownBy(() -> tx.useTransaction(inner -> inner.insert("item", Map.of("name", "a"))))
          .isInstanceOf(UniqueViolationException.class);
      assertThatThrownBy(() -> tx.useTransaction(inner -> {
        inner.insert("item", Map.of("name", "c"));
        throw new IllegalStateException("callback failed");
      })).isInstanceOf(IllegalStateException.class);
      tx.insert("item", Map.of("name", "b"));
    });
    assertThat(db.list("item", Map.of())).extracting(row -> row.getString("name")).containsExactly("a", "b");
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void isolationIsWhatWasAskedAsTheServerReportsIt(Isolation level) {
    Isolation[] seen = new Isolation[2];
    db.useTransaction(TransactionOptions.isolation(level), tx -> {
      seen[0] = tx.isolation();
      seen[1] = serverIsolation(tx);
    });
    Isolation effective = db.dialect().effectiveIsolation(level);
    assertThat(seen[0]).isEqualTo(effective);
    if (db.dialect().isolationQuery() != null) {
      assertThat(seen[1]).isEqualTo(effective);
    }
  }

  Isolation serverIsolation(Transaction tx) {
    String query = tx.dialect().isolationQuery();
    if (query == null) {
      return null;
    }
    Object value = tx.query(query).get(0).values().iterator().next();
    return tx.dialect().parseServerIsolation(value.toString());
  }

  /**
   * READ UNCOMMITTED runs as READ COMMITTED: T1 reads while T2 has written version 2 without
   * committing; T2 rolls back and then commits another version 2. Had T1 read the dirty version 2,
   * its optimistic check would match the committed one and overwrite it (a lost update).
   */
  @Test
  void readUncommittedReadsNoDirtyVersionSoAVersionCheckLosesNoUpdate() {
    Assumptions.assumeFalse(db.dialect().kind() == DatabaseKind.SQLITE, "SQLite runs every transaction SERIALIZABLE");
    db.insert("item", Map.of("name", "a", "qty", 1, "note", "first"));
    String write = "UPDATE item SET qty = 2, note = ? WHERE name = 'a'";
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30));
        Connection t2 = testDatabase.connect()) {
      race.actor("T1", () -> db.withTransaction(TransactionOptions.isolation(Isolation.READ_UNCOMMITTED), tx -> {
        assertThat(tx.isolation()).isEqualTo(Isolation.READ_COMMITTED);
        race.await("T2 wrote version 2");
        Row seen = tx.get("item", Map.of("name", "a"));
        race.reach("T1 read");
        race.await("T2 committed another version 2");
        return tx.updateVersioned("item", Map.of("name", "a"), "qty", seen.getLong("qty"),
            Map.of("note", seen.getString("note") + " + T1"));
      }));
      race.actor("T2", () -> {
        t2.setAutoCommit(false);
        try (java.sql.PreparedStatement statement = t2.prepareStatement(write)) {
          statement.setString(1, "dirty");
          statement.executeUpdate();
          race.reach("T2 wrote version 2");
          race.await("T1 read");
          t2.rollback();
          statement.setString(1, "committed");
          statement.executeUpdate();
          t2.commit();
        }
        t2.setAutoCommit(true);
        race.reach("T2 committed another version 2");
      });
      var outcomes = race.runCollecting();
      assertThat(outcomes.of("T2").succeeded()).isTrue();
      assertThat(outcomes.of("T1").failure()).isInstanceOf(io.racefree.error.StaleVersionException.class);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    Row stored = db.get("item", Map.of("name", "a"));
    assertThat(stored.getString("note")).isEqualTo("committed");
    assertThat(stored.getInt("qty")).isEqualTo(2);
  }

  @Test
  void anotherIsolationInsideAnOpenTransactionIsRefused() {
    Isolation other = db.dialect().effectiveIsolation(Isolation.READ_COMMITTED) == Isolation.SERIALIZABLE
        ? null : Isolation.SERIALIZABLE;
    db.useTransaction(TransactionOptions.isolation(Isolation.READ_COMMITTED), tx -> {
      if (other != null) {
        assertThatThrownBy(() -> tx.withTransaction(TransactionOptions.isolation(other), inner -> 1))
            .isInstanceOf(TransactionStateException.class)
            .hasMessageContaining("cannot change");
      }
      Integer same = tx.withTransaction(TransactionOptions.isolation(Isolation.READ_COMMITTED), inner -> 2);
      assertThat(same).isEqualTo(2);
      assertThatThrownBy(() -> tx.withTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), inner -> 3))
          .isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("only the outermost");
    });
  }

  @Test
  void connectionComesBackAsItCameAfterSuccessFailureAndRetry() throws SQLException {
    try (Connection physical = testDatabase.connect()) {
      CountingDataSource shared = new CountingDataSource(physical);
      Database onOne = Database.of(shared);
      ConnectionSnapshot before = ConnectionSnapshot.of(physical);
      boolean readOnly = onOne.dialect().supports(io.racefree.dialect.Feature.READ_ONLY_TRANSACTIONS);
      onOne.useTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).withReadOnly(readOnly), tx -> tx.list("item", Map.of()));
      assertThat(ConnectionSnapshot.of(physical)).isEqualTo(before);
      assertThatThrownBy(() -> onOne.useTransaction(TransactionOptions.isolation(Isolation.REPEATABLE_READ), tx -> {
        tx.insert("item", Map.of("name", "x"));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(ConnectionSnapshot.of(physical)).isEqualTo(before);
      AtomicInteger runs = new AtomicInteger();
      onOne.useTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(RetryPolicy.standard()), tx -> {
        if (runs.incrementAndGet() < 3) {
          throw new SerializationFailureException(ErrorDetails.of("test", null), "synthetic", null);
        }
      });
      assertThat(runs).hasValue(3);
      assertThat(ConnectionSnapshot.of(physical)).isEqualTo(before);
      assertThat(shared.borrowed()).isZero();
      assertThat(onOne.find("item", Map.of("name", "x"))).isEmpty();
    }
  }

  /**
   * A pool configured to hand out connections with auto-commit off (HikariCP's {@code
   * autoCommit=false}) is refused unless declared with {@code poolWithAutoCommitOff()}; then
   * racefree's own work commits, and each connection goes back with auto-commit off, as it came.
   */
  @Test
  void connectionsHandedOutWithoutAutoCommitWorkAndGoBackAsTheyCame() throws SQLException {
    try (Connection physical = testDatabase.connect()) {
      physical.setAutoCommit(false);
      ConnectionSnapshot before = ConnectionSnapshot.of(physical);
      CountingDataSource manualCommitPool = new CountingDataSource(physical);
      assertThatThrownBy(() -> Database.of(manualCommitPool).list("item", Map.of()))
          .isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("auto-commit off").hasMessageContaining("poolWithAutoCommitOff()");
      assertThat(ConnectionSnapshot.of(physical)).isEqualTo(before);
      Database onPool = Database.builder(manualCommitPool).poolWithAutoCommitOff().build();
      onPool.insert("item", Map.of("name", "a", "qty", 1));
      assertThat(onPool.getOrCreate("item", Map.of("name", "b"), Map.of("qty", 2)).created()).isTrue();
      assertThat(onPool.updateOrCreate("item", Map.of("name", "b"), Map.of("qty", 3), null).updated()).isTrue();
      onPool.useTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()),
          tx -> tx.update("item", Map.of("name", "a"), Map.of("qty", 10)));
      assertThat(onPool.list("item", Map.of())).hasSize(2);
      assertThat(ConnectionSnapshot.of(physical)).isEqualTo(before);
      assertThat(manualCommitPool.borrowed()).isZero();
      physical.rollback(); // what a pool does before handing the connection out again: nothing may be lost
      physical.setAutoCommit(true);
    }
    assertThat(db.get("item", Map.of("name", "a")).getInt("qty")).isEqualTo(10);
    assertThat(db.get("item", Map.of("name", "b")).getInt("qty")).isEqualTo(3);
  }

  record ConnectionSnapshot(boolean autoCommit, int isolation, boolean readOnly) {
    static ConnectionSnapshot of(Connection connection) throws SQLException {
      return new ConnectionSnapshot(connection.getAutoCommit(), connection.getTransactionIsolation(), connection.isReadOnly());
    }
  }

  @Test
  void retryRerunsOnlyTheOutermostCallbackAndStopsAtTheLimit() {
    AtomicInteger outerRuns = new AtomicInteger();
    AtomicInteger innerRuns = new AtomicInteger();
    List<RetryAttempt> attempts = new ArrayList<>();
    RetryPolicy policy = RetryPolicy.standard().withMaxAttempts(3).withListener(attempts::add);
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(policy), tx -> {
      outerRuns.incrementAndGet();
      tx.insert("item", Map.of("name", "attempt-" + outerRuns.get()));
      tx.useTransaction(inner -> {
        innerRuns.incrementAndGet();
        throw new SerializationFailureException(ErrorDetails.of("inner", null), "synthetic", null);
      });
    })).isInstanceOf(SerializationFailureException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    assertThat(outerRuns).hasValue(3);
    assertThat(innerRuns).hasValue(3);
    assertThat(attempts).extracting(RetryAttempt::willRetry).containsExactly(true, true, false);
    assertThat(db.list("item", Map.of())).isEmpty();
  }

  @Test
  void aTimeBudgetEndsTheRetriesOfAnOutermostTransaction() {
    List<RetryAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
    RetryPolicy policy = RetryPolicy.standard().withMaxAttempts(100_000).withBackoff(Duration.ofMillis(2), Duration.ofMillis(10))
        .withTimeBudget(Duration.ofMillis(300)).withListener(attempts::add);
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(policy), tx -> {
      tx.list("item", Map.of());
      throw new SerializationFailureException(ErrorDetails.of("budget", null), "synthetic", null);
    })).isInstanceOf(SerializationFailureException.class);
    assertThat(attempts).hasSizeGreaterThan(1).hasSizeLessThan(100_000);
    assertThat(attempts.get(attempts.size() - 1).willRetry()).isFalse();
    assertThat(attempts.stream().map(RetryAttempt::delay).reduce(Duration.ZERO, Duration::plus))
        .as("the pauses fit in the budget").isLessThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void commitHooksRunAfterCommitAndAreDroppedOnRollback() {
    List<String> ran = new ArrayList<>();
    db.useTransaction(tx -> {
      tx.onCommit(() -> ran.add("outer"));
      tx.useTransaction(inner -> inner.onCommit(() -> ran.add("kept")));
      assertThatThrownBy(() -> tx.useTransaction(inner -> {
        inner.onCommit(() -> ran.add("dropped with its savepoint"));
        throw new IllegalStateException("rolled back");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(ran).isEmpty();
    });
    assertThat(ran).containsExactly("outer", "kept");
    assertThatThrownBy(() -> db.useTransaction(tx -> {
      tx.onCommit(() -> ran.add("never"));
      throw new IllegalStateException("rollback");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(ran).containsExactly("outer", "kept");
  }

  @Test
  void handlesAreInvalidAfterTheirCallback() {
    Transaction leaked = db.withTransaction(tx -> tx);
    assertThatThrownBy(() -> leaked.list("item", Map.of())).isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("only inside its callback");
  }

  @Test
  void badInputIsATypedErrorAndRunsNoSql() throws SQLException {
    try (Connection physical = testDatabase.connect()) {
      CountingDataSource counting = new CountingDataSource(physical);
      Database onOne = Database.of(counting);
      onOne.list("item", Map.of()); // reads the catalog once
      int before = counting.statements();
      assertThatThrownBy(() -> onOne.list("item; DROP TABLE item", Map.of()))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not an identifier");
      assertThatThrownBy(() -> onOne.update("item", Map.of(), Map.of("qty", 1)))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lookup is empty");
      assertThatThrownBy(() -> onOne.delete("item", Map.of()))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lookup is empty");
      assertThatThrownBy(() -> onOne.update("item", Map.of("name", "a"), Map.of()))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to update");
      assertThat(counting.statements()).isEqualTo(before);
      // An unknown column re-reads the table's definition once (catalog reads only), then fails.
      assertThatThrownBy(() -> onOne.update("item", Map.of("name\" = 1 --", "a"), Map.of("qty", 1)))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no column");
      assertThatThrownBy(() -> onOne.insert("item", Map.of("nope", 1)))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("no column 'nope'")
          .hasMessageContaining("its columns are")
          .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("qty", "note"));
      assertThatThrownBy(() -> onOne.list("no_such_table", Map.of()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("no table 'no_such_table'")
          .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("tables: [item]"));
    }
    assertThat(db.list("item", Map.of())).isEmpty();
    try (Connection check = testDatabase.connect(); Statement statement = check.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM item")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  /**
   * Two transactions lock two rows in opposite order: a real deadlock. The victim's failure, raised
   * inside a nested transaction on one side, reaches the outermost level, which re-runs the whole
   * callback; both transfers end up applied exactly once.
   */
  @Test
  void aRealDeadlockIsRetriedAtTheOutermostLevel() {
    Assumptions.assumeFalse(db.dialect().kind() == DatabaseKind.SQLITE, "SQLite has one writer: no deadlocks");
    db.insert("item", Map.of("name", "a", "qty", 0));
    db.insert("item", Map.of("name", "b", "qty", 0));
    List<RetryAttempt> failures = Collections.synchronizedList(new ArrayList<>());
    TransactionOptions options = TransactionOptions.isolation(Isolation.READ_COMMITTED)
        .withRetry(RetryPolicy.standard().withListener(failures::add));
    String increment = "UPDATE item SET qty = qty + 1 WHERE name = ?";
    AtomicInteger attemptsOfT1 = new AtomicInteger();
    AtomicInteger attemptsOfT2 = new AtomicInteger();
    try (Interleaving race = Interleaving.create(Duration.ofSeconds(30))) {
      race.actor("T1", () -> db.useTransaction(options, tx -> {
        tx.execute(increment, "a");
        if (attemptsOfT1.incrementAndGet() == 1) { // a retry runs straight through
          race.reach("T1 holds a");
          race.await("T2 holds b");
        }
        tx.useTransaction(nested -> nested.execute(increment, "b"));
      }));
      race.actor("T2", () -> db.useTransaction(options, tx -> {
        tx.execute(increment, "b");
        if (attemptsOfT2.incrementAndGet() == 1) {
          race.reach("T2 holds b");
          race.await("T1 holds a");
        }
        tx.execute(increment, "a");
      }));
      race.run();
    }
    assertThat(failures).extracting(attempt -> attempt.failure().category()).containsExactly(ErrorCategory.DEADLOCK);
    assertThat(attemptsOfT1.get() + attemptsOfT2.get()).isEqualTo(3);
    assertThat(db.list("item", Map.of())).extracting(row -> row.getInt("qty")).containsExactly(2, 2);
  }
}
