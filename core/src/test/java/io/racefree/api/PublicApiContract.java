package io.racefree.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Session;
import io.racefree.Transaction;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.SerializationFailureException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import io.racefree.lock.TableLockMode;
import io.racefree.testing.db.TestDatabase;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.UpsertOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public API as an application uses it: its own decorator of {@link Transaction}, callbacks
 * that throw checked exceptions, the void forms. Run against every database by a subclass.
 */
abstract class PublicApiContract {
  /** The application's checked exception. */
  static final class ImportFailed extends Exception {
    ImportFailed(String message) {
      super(message);
    }
  }


  TestDatabase testDatabase;
  Database db;

  abstract TestDatabase open();

  /** The column definition of an auto-generated BIGINT primary key named id. */
  abstract String identityColumn();

  @BeforeEach
  void createSchema() {
    testDatabase = open();
    testDatabase.execute("CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL,"
        + " qty INT DEFAULT 0, version BIGINT DEFAULT 0 NOT NULL, state VARCHAR(20),"
        + " CONSTRAINT uk_item_name UNIQUE (name))");
    db = Database.of(testDatabase.dataSource());
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  @Test
  void aDecoratingTransactionWorksForEveryOperation() {
    Set<String> calls = new TreeSet<>();
    db.useTransaction(raw -> {
      Transaction tx = new DecoratingTransaction(raw, calls);
      assertThat(tx.database()).isSameAs(db);
      assertThat(tx.dialect()).isSameAs(db.dialect());
      assertThat(tx.connection()).isNotNull();
      assertThat(tx.isolation()).isNotNull();
      assertThat(tx.options()).isNotNull();
      assertThat(tx.depth()).isZero();

      long a = tx.insert("item", Map.of("name", "a", "state", "new")).getLong("id");
      tx.insert("item", new Item("b", 2));
      assertThat(tx.getOrCreate("item", Map.of("name", "c"), Map.of("qty", 3)).created()).isTrue();
      assertThat(tx.getOrCreate("item", Map.of("name", "c"), Map.of(), UpsertOptions.requiringUniqueKey()).created()).isFalse();
      assertThat(tx.getOrCreate("item", new Item("d", 4), "name").created()).isTrue();
      assertThat(tx.updateOrCreate("item", Map.of("name", "d"), Map.of("qty", 5), null).created()).isFalse();
      assertThat(tx.updateOrCreate("item", new Item("e", 6), "name").created()).isTrue();
      assertThat(tx.updateOrCreate("item", Map.of("name", "f"), Assignments.add("qty", 1), null).created()).isTrue();
      assertThat(tx.getOrCreateAll("item", List.of(Map.of("name", "a"), Map.of("name", "g")), Map.of()))
          .extracting(result -> result.created()).containsExactly(false, true);
      assertThat(tx.updateOrCreateAll("item", List.of(Map.of("name", "g", "qty", 7)), "name"))
          .extracting(result -> result.created()).containsExactly(false);

      assertThat(tx.get("item", Map.of("name", "f")).getInt("qty")).isEqualTo(1);
      assertThat(tx.find("item", Map.of("name", "zz"))).isEmpty();
      assertThat(tx.list("item", Map.of())).hasSize(7);
      assertThat(tx.query("SELECT name FROM item WHERE qty = ?", 7)).hasSize(1);
      assertThat(tx.execute("UPDATE item SET state = ? WHERE name = ?", "new", "b")).isEqualTo(1);
      assertThat(tx.update("item", Map.of("name", "e"), Map.of("state", "done"))).isEqualTo(1);

      assertThat(tx.lockRows("item", Map.of("name", "a"), RowLock.forUpdate())).hasSize(1);
      assertThat(tx.lockRowsInOrder("item", "id", List.of(a), RowLock.forUpdate())).hasSize(1);
      assertThat(tx.claim("item", Map.of("state", "new"), "id", 1)).hasSize(1);
      tx.lock(lockName("decorated"));
      assertThat(tx.tryLock(lockName("decorated-too"), Duration.ZERO)).isTrue();
      tx.lockAll(List.of(lockName("x"), lockName("y")));

      assertThat(tx.update("item", Map.of("name", "b"), Assignments.subtract("qty", 2), Guard.atLeast("qty", 2))).isEqualTo(1);
      assertThat(tx.updateAll("item", "id", Map.of(a, RowUpdate.of(Assignments.add("qty", 10))))).isTrue();
      assertThat(tx.updateVersioned("item", Map.of("name", "a"), "version", 0, Map.of("state", "seen"))).isEqualTo(1);

      tx.onCommit(() -> calls.add("hook ran"));
      assertThat(tx.isRollbackOnly()).isFalse();
      int nestedDepth = tx.withTransaction(inner -> {
        inner.insert("item", Map.of("name", "nested"));
        inner.setRollbackOnly();
        return inner.depth();
      });
      assertThat(nestedDepth).isEqualTo(1);
      tx.useTransaction(inner -> inner.delete("item", Map.of("name", "g")));
    });

    assertThat(db.find("item", Map.of("name", "nested"))).as("rolled back to its savepoint").isEmpty();
    assertThat(db.find("item", Map.of("name", "g"))).isEmpty();
    assertThat(db.get("item", Map.of("name", "a")).getLong("version")).isEqualTo(1);

    // MariaDB/MySQL want LOCK TABLES first in its transaction: a transaction of its own.
    Runnable lockTable = () -> db.useTransaction(raw -> {
      Transaction tx = new DecoratingTransaction(raw, calls);
      tx.lockTable("item", TableLockMode.EXCLUSIVE);
      tx.delete("item", Map.of("name", "a"));
    });
    if (db.dialect().supports(Feature.TABLE_LOCK) || db.dialect().supports(Feature.SINGLE_WRITER)) {
      lockTable.run();
      assertThat(db.find("item", Map.of("name", "a"))).isEmpty();
    } else {
      assertThatThrownBy(lockTable::run).isInstanceOf(UnsupportedFeatureException.class);
    }

    assertThat(calls).contains("hook ran").containsAll(abstractMethodsOfTransaction());
  }

  /** The names DecoratingTransaction records: one per abstract method of Transaction. */
  private static Set<String> abstractMethodsOfTransaction() {
    Set<String> names = new TreeSet<>();
    for (Method method : Transaction.class.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers())) {
        boolean withAssignments = Arrays.asList(method.getParameterTypes()).contains(Assignments.class);
        names.add(method.getName() + (withAssignments ? "(Assignments)" : ""));
      }
    }
    assertThat(names).hasSizeGreaterThan(30);
    return names;
  }

  @Test
  void aCheckedExceptionReachesTheCallerUnwrappedAfterRollbackAndIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
      attempts.incrementAndGet();
      tx.insert("item", Map.of("name", "a"));
      importAll(tx);
    })).isExactlyInstanceOf(ImportFailed.class).hasMessage("bad file");
    assertThat(attempts).hasValue(1);
    assertThat(db.list("item", Map.of())).isEmpty();
  }

  @Test
  void theCallersCheckedExceptionTypeIsDeclaredNotWrapped() throws ImportFailed {
    int value = db.withTransaction(tx -> {
      if (tx.depth() < 0) {
        throw new ImportFailed("never");
      }
      return 42;
    });
    assertThat(value).isEqualTo(42);
    db.useSession(session -> session.insert("item", Map.of("name", "s")));
    assertThatThrownBy(() -> db.useSession(this::importAll)).isExactlyInstanceOf(ImportFailed.class);
    assertThatThrownBy(() -> db.withSession(session -> {
      session.insert("item", Map.of("name", "t"));
      throw new ImportFailed("after a statement");
    })).isExactlyInstanceOf(ImportFailed.class);
    assertThat(db.list("item", Map.of())).as("a session commits each statement").hasSize(2);
  }

  @Test
  void aNestedCheckedExceptionRollsBackToTheSavepointAndTheOuterTransactionGoesOn() {
    db.useTransaction(tx -> {
      tx.insert("item", Map.of("name", "outer"));
      assertThatThrownBy(() -> tx.useTransaction(inner -> {
        inner.insert("item", Map.of("name", "inner"));
        importAll(inner);
      })).isExactlyInstanceOf(ImportFailed.class);
      tx.insert("item", Map.of("name", "after"));
    });
    assertThat(db.list("item", Map.of())).extracting(row -> row.getString("name"))
        .containsExactlyInAnyOrder("outer", "after");
  }

  @Test
  void onlyRacefreeRetryableExceptionsAreRetried() {
    AtomicInteger attempts = new AtomicInteger();
    Row row = db.withTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
      Row inserted = tx.insert("item", Map.of("name", "n" + attempts.incrementAndGet()));
      if (attempts.get() == 1) {
        throw new SerializationFailureException(ErrorDetails.of("test", db.dialect().kind()), "forced", null);
      }
      return inserted;
    });
    assertThat(attempts).hasValue(2);
    assertThat(row.getString("name")).isEqualTo("n2");
    assertThat(db.list("item", Map.of())).hasSize(1);

    AtomicInteger plain = new AtomicInteger();
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
      plain.incrementAndGet();
      throw new IllegalStateException("not racefree's");
    })).isExactlyInstanceOf(IllegalStateException.class);
    assertThat(plain).hasValue(1);
  }

  @Test
  void useLockRunsAVoidCallbackHoldingTheLock() throws ImportFailed {
    Assumptions.assumeTrue(db.dialect().supports(Feature.SESSION_NAMED_LOCK), "no session-scoped named lock");
    String name = lockName("nightly-import");
    db.useLock(name, session -> session.insert("item", Map.of("name", "locked")));
    assertThatThrownBy(() -> db.useLock(name, this::importAll)).isExactlyInstanceOf(ImportFailed.class);
    assertThat(db.<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock(name, Duration.ZERO)))
        .as("released after the failure").isTrue();
    assertThat(db.list("item", Map.of())).hasSize(1);
  }

  @Test
  void aDatabaseTakesItsRetryPolicyAndListenerFromTransactionOptions() {
    AtomicInteger seen = new AtomicInteger();
    TransactionOptions retrying = TransactionOptions.defaults()
        .withRetry(RetryPolicy.standard().withListener(attempt -> seen.incrementAndGet()));
    assertThat(db.getOrCreate("item", Map.of("name", "a"), Map.of(), UpsertOptions.defaults(), retrying).created()).isTrue();
    assertThat(db.updateOrCreate("item", Map.of("name", "a"), Map.of("qty", 2), null, UpsertOptions.defaults(), retrying).created()).isFalse();
    assertThat(db.getOrCreateAll("item", List.of(Map.of("name", "b")), Map.of(), UpsertOptions.defaults(), retrying)).hasSize(1);
    assertThat(seen).as("nothing failed, so the listener saw nothing").hasValue(0);

    // A policy that does not retry: the first (forced) failure reaches the caller.
    TransactionOptions once = TransactionOptions.defaults().withRetry(RetryPolicy.none().withListener(attempt -> seen.incrementAndGet()));
    assertThatThrownBy(() -> db.updateOrCreate("item", Map.of("name", "c"), Map.of("no_such_column", 1), null,
        UpsertOptions.defaults(), once)).hasMessageContaining("no_such_column");
    assertThat(seen).as("the listener saw the one failed attempt").hasValue(1);
  }

  @Test
  void aThrowingListenerNeverReplacesTheFailureBeingRetried() {
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy policy = RetryPolicy.standard().withMaxAttempts(2).withBackoff(Duration.ZERO, Duration.ZERO)
        .withListener(attempt -> {
          throw new IllegalStateException("listener " + attempt.number());
        });
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(policy), tx -> {
      tx.insert("item", Map.of("name", "n" + attempts.incrementAndGet()));
      throw new SerializationFailureException(ErrorDetails.of("test", db.dialect().kind()), "forced", null);
    })).isInstanceOf(SerializationFailureException.class)
        .satisfies(failure -> assertThat(failure.getSuppressed())
            .anySatisfy(suppressed -> assertThat(suppressed).hasMessage("listener 2"))
            .anySatisfy(suppressed -> assertThat(suppressed).isInstanceOf(SerializationFailureException.class)
                .satisfies(first -> assertThat(first.getSuppressed()).extracting(Throwable::getMessage)
                    .containsExactly("listener 1"))));
    assertThat(attempts).as("the listener's failure did not stop the retry").hasValue(2);
    assertThat(db.list("item", Map.of())).isEmpty();
  }

  @Test
  void anInterruptWhilePausingEndsTheRetriesWithTheFailureItself() {
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy policy = RetryPolicy.standard().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5))
        .withListener(attempt -> Thread.currentThread().interrupt());
    try {
      assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withRetry(policy), tx -> {
        attempts.incrementAndGet();
        throw new SerializationFailureException(ErrorDetails.of("test", db.dialect().kind()), "forced", null);
      })).isInstanceOf(SerializationFailureException.class)
          .satisfies(failure -> assertThat(failure.getSuppressed())
              .anySatisfy(suppressed -> assertThat(suppressed).isInstanceOf(InterruptedException.class)));
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void insertReturnsTheStoredRowOrWithoutReturningAndPrimaryKeyTheValuesGiven() {
    testDatabase.execute("CREATE TABLE note (body VARCHAR(20), n INT DEFAULT 5)");
    db.refreshCatalog();
    Row inserted = db.insert("note", Map.of("body", "x"));
    if (db.dialect().supports(Feature.INSERT_RETURNING)) {
      assertThat(inserted.getInt("n")).as("the default, as stored").isEqualTo(5);
    } else {
      assertThat(inserted).as("the values passed in").isEqualTo(Map.of("body", "x"));
    }
    assertThat(db.get("note", Map.of("body", "x")).getInt("n")).isEqualTo(5);
  }

  /** Named locks are server-wide: a name of this test database's own, so parallel runs never meet. */
  private String lockName(String base) {
    return testDatabase.name() + ":" + base;
  }

  private void importAll(Session session) throws ImportFailed {
    session.query("SELECT 1");
    throw new ImportFailed("bad file");
  }

  private void importAll(Transaction tx) throws ImportFailed {
    tx.query("SELECT 1");
    throw new ImportFailed("bad file");
  }
}
