package io.racefree.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.Row;
import io.racefree.error.ErrorCategory;
import io.racefree.error.StaleVersionException;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UniqueViolationException;
import io.racefree.testing.leak.LeakCheck;
import io.racefree.testing.db.TestDatabase;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * racefree inside Spring-managed transactions (DataSourceTransactionManager over HikariCP), on one
 * shared Spring context per database. Run against each database by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringJoinContract {
  static final int POOL_SIZE = 10;

  TestDatabase testDatabase;
  HikariDataSource pool;
  CountingDataSource counting;
  AnnotationConfigApplicationContext context;
  Database db;
  DataSourceTransactionManager transactionManager;
  TransactionTemplate transactions;
  ItemService service;

  abstract TestDatabase open();

  abstract String identityColumn();

  /** Whether the engine runs transactions at more than one isolation level (not SQLite). */
  boolean hasIsolationLevels() {
    return true;
  }

  @BeforeAll
  void startSpring() {
    testDatabase = open();
    testDatabase.execute(
        "CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL, qty INT,"
            + " version BIGINT NOT NULL DEFAULT 0, CONSTRAINT uk_item_name UNIQUE (name))");
    HikariConfig config = new HikariConfig();
    config.setDataSource(testDatabase.dataSource());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    pool = new HikariDataSource(config);
    counting = new CountingDataSource(pool);
    context = new AnnotationConfigApplicationContext();
    context.registerBean(DataSource.class, () -> counting);
    context.register(SpringTestConfiguration.class);
    context.refresh();
    db = context.getBean(Database.class);
    transactionManager = context.getBean(DataSourceTransactionManager.class);
    transactions = new TransactionTemplate(transactionManager);
    service = context.getBean(ItemService.class);
  }

  @AfterAll
  void stopSpring() {
    try {
      context.close();
      pool.close();
    } finally {
      testDatabase.close();
    }
  }

  @BeforeEach
  void emptyTable() {
    testDatabase.execute("DELETE FROM item");
  }

  @AfterEach
  void noConnectionCarriesAnythingBack() throws SQLException {
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < POOL_SIZE; i++) {
        borrowed.add(pool.getConnection());
      }
      for (Connection connection : borrowed) {
        assertThat(LeakCheck.inspect(connection, testDatabase.engine())).as("leaks").isEmpty();
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  @Test
  void outerRollbackRollsBackRacefreesWritesAndNothingCommitsEarly() {
    transactions.executeWithoutResult(status -> {
      ownerInserts("outer");
      db.useTransaction(tx -> tx.insert("item", Map.of("name", "in-tx")));
      db.insert("item", Map.of("name", "in-session"));
      assertThat(db.getOrCreate("item", Map.of("name", "got"), Map.of()).created()).isTrue();
      assertThat(db.find("item", Map.of("name", "outer"))).isPresent();
      assertThat(committedNames()).as("seen by another connection before Spring ends").isEmpty();
      status.setRollbackOnly();
    });
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void outerCommitCommitsThemAndOnCommitRunsAfterSpringCommits() {
    List<List<String>> seenByHook = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      ownerInserts("outer");
      db.useTransaction(tx -> {
        tx.insert("item", Map.of("name", "in-tx"));
        tx.onCommit(() -> seenByHook.add(committedNames()));
      });
      assertThat(seenByHook).as("hooks wait for Spring's commit").isEmpty();
      assertThat(committedNames()).isEmpty();
    });
    assertThat(seenByHook).containsExactly(List.of("in-tx", "outer"));
    assertThat(committedNames()).containsExactly("in-tx", "outer");
  }

  @Test
  void onCommitHooksAreDroppedWhenSpringRollsBack() {
    List<String> ran = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      db.useTransaction(tx -> tx.onCommit(() -> ran.add("hook")));
      status.setRollbackOnly();
    });
    assertThat(ran).isEmpty();
  }

  @Test
  void noSecondConnectionIsTakenInsideASpringTransaction() {
    int before = counting.borrowed();
    transactions.executeWithoutResult(status -> {
      db.useTransaction(tx -> tx.insert("item", Map.of("name", "a")));
      db.insert("item", Map.of("name", "b"));
      db.updateOrCreate("item", Map.of("name", "a"), Map.of("qty", 2), null);
      db.getOrCreate("item", Map.of("name", "c"), Map.of());
    });
    assertThat(counting.borrowed() - before).isEqualTo(1);
  }

  @Test
  void aTransactionAwareDataSourceProxyIsUnwrappedAndJoined() {
    Database throughProxy = RacefreeSpring.database(
        new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(counting));
    int before = counting.borrowed();
    transactions.executeWithoutResult(status -> {
      throughProxy.insert("item", Map.of("name", "a"));
      throughProxy.useTransaction(tx -> tx.insert("item", Map.of("name", "b")));
      assertThat(committedNames()).isEmpty();
      status.setRollbackOnly();
    });
    assertThat(counting.borrowed() - before).isEqualTo(1);
    assertThat(committedNames()).isEmpty();
  }

  /** MariaDB's GET_LOCK outlives transactions: racefree releases it when Spring's transaction ends. */
  @Test
  void aNamedLockTakenInsideASpringTransactionIsHeldUntilSpringEnds() {
    io.racefree.dialect.DatabaseKind kind = db.dialect().kind();
    if (!kind.isMySqlFamily() && kind != io.racefree.dialect.DatabaseKind.POSTGRESQL) {
      return;
    }
    String name = "rf-spring-" + System.nanoTime();
    Database separate = Database.of(testDatabase.dataSource());
    for (boolean commit : List.of(true, false)) {
      transactions.executeWithoutResult(status -> {
        db.useTransaction(tx -> tx.lock(name));
        boolean grantedElsewhere = separate.withTransaction(tx -> tx.tryLock(name, java.time.Duration.ZERO));
        assertThat(grantedElsewhere).as("held by Spring's transaction after racefree's part ended").isFalse();
        if (!commit) {
          status.setRollbackOnly();
        }
      });
      boolean granted = separate.withTransaction(tx -> tx.tryLock(name, java.time.Duration.ZERO));
      assertThat(granted).as("released when Spring's transaction ended").isTrue();
    }
    // the leak check after each test finds no named lock left on any pooled connection
  }

  /** H2 has no named locks: racefree commits a lock row on a connection of its own (docs/locks.md). */
  @Test
  void onH2TheFirstLockOfANameTakesASecondConnectionOnce() {
    if (db.dialect().kind() != io.racefree.dialect.DatabaseKind.H2) {
      return;
    }
    String name = "rf-h2-" + System.nanoTime();
    for (int expected : new int[] {2, 1}) {
      int before = counting.borrowed();
      transactions.executeWithoutResult(status -> db.useTransaction(tx -> tx.lock(name)));
      assertThat(counting.borrowed() - before).isEqualTo(expected);
    }
  }

  @Test
  void outsideASpringTransactionRacefreeRunsItsOwn() {
    db.insert("item", Map.of("name", "own"));
    db.useTransaction(tx -> tx.insert("item", Map.of("name", "own-tx")));
    assertThat(committedNames()).containsExactly("own", "own-tx");
  }

  @Test
  void aFailedStatementDoesNotPoisonSpringsTransaction() {
    transactions.executeWithoutResult(status -> {
      ownerInserts("outer");
      assertThatThrownBy(() -> db.useTransaction(tx -> tx.insert("item", Map.of("name", "outer"))))
          .isInstanceOf(UniqueViolationException.class);
      assertThatThrownBy(() -> db.insert("item", Map.of("name", "outer")))
          .isInstanceOf(UniqueViolationException.class);
      ownerInserts("after");
    });
    assertThat(committedNames()).containsExactly("after", "outer");
  }

  @Test
  void aRowLockedBySpringsTransactionIsUpdatedThroughRacefreeWithoutWaitingOnItself() {
    db.insert("item", Map.of("name", "hot", "qty", 0));
    transactions.executeWithoutResult(status -> {
      ownerRuns("UPDATE item SET qty = 1 WHERE name = 'hot'"); // Spring's transaction holds the row lock
      db.updateOrCreate("item", Map.of("name", "hot"), Map.of("qty", 2), null);
      db.useTransaction(tx -> tx.update("item", Map.of("name", "hot"), Map.of("qty", 3)));
    });
    assertThat(db.get("item", Map.of("name", "hot")).getInt("qty")).isEqualTo(3);
  }

  @Test
  void anotherIsolationLevelIsRefusedBeforeAnySqlAndNothingChanges() {
    if (!hasIsolationLevels()) {
      return; // SQLite: every level asked for runs SERIALIZABLE, so none conflicts
    }
    TransactionTemplate serializable = new TransactionTemplate(transactionManager);
    serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    AtomicInteger calls = new AtomicInteger();
    serializable.executeWithoutResult(status -> {
      ownerInserts("outer");
      assertThatThrownBy(() -> db.useTransaction(TransactionOptions.isolation(Isolation.READ_COMMITTED),
          tx -> calls.incrementAndGet()))
          .isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("isolation");
      assertThat(ownerIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(committedNames()).isEmpty();
    });
    assertThat(calls).hasValue(0);
    assertThat(committedNames()).containsExactly("outer");
  }

  @Test
  void readOnlyInsideSpringsReadWriteTransactionIsRefusedBeforeAnySql() {
    AtomicInteger calls = new AtomicInteger();
    transactions.executeWithoutResult(status -> {
      ownerInserts("outer");
      assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withReadOnly(true),
          tx -> calls.incrementAndGet()))
          .isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("read-only");
      assertThat(committedNames()).isEmpty();
    });
    assertThat(calls).hasValue(0);
    assertThat(committedNames()).containsExactly("outer");
  }

  @Test
  void aRetryableFailureInsideTransactionalSurfacesTypedAndRollsBack() {
    db.insert("item", Map.of("name", "v"));
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> service.insertThenUpdateStale("outer", "v", calls))
        .isInstanceOf(StaleVersionException.class);
    assertThat(calls).as("racefree does not retry Spring's transaction").hasValue(1);
    assertThat(committedNames()).containsExactly("v");
  }

  @Test
  void theRetryingTemplateRefusesToRunInsideAnOpenTransaction() {
    RetryingTransactionTemplate retrying = new RetryingTransactionTemplate(transactionManager, db);
    transactions.executeWithoutResult(status ->
        assertThatThrownBy(() -> retrying.execute(inner -> 1)).isInstanceOf(TransactionStateException.class));
  }

  /**
   * 8 threads increment 3 hot counters through get-or-create plus an optimistic update, each unit
   * of work retried whole by RetryingTransactionTemplate: no duplicate, no lost update, no error. At
   * SERIALIZABLE, PostgreSQL may report a serialization failure at Spring's commit, which the
   * template judges by the SQLException under Spring's exception.
   */
  @ParameterizedTest
  @ValueSource(ints = {TransactionDefinition.ISOLATION_DEFAULT, TransactionDefinition.ISOLATION_SERIALIZABLE})
  void wholeUnitRetryOnHotKeysLosesNothing(int isolation) throws Exception {
    int threads = 8;
    int perThread = 15;
    List<String> keys = List.of("k0", "k1", "k2");
    AtomicInteger retries = new AtomicInteger();
    AtomicInteger atCommit = new AtomicInteger();
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setIsolationLevel(isolation);
    RetryingTransactionTemplate retrying = new RetryingTransactionTemplate(transactionManager,
        definition, db, RetryPolicy.standard().withMaxAttempts(200)
            .withListener(attempt -> {
              retries.incrementAndGet();
              if (attempt.failure().task().equals("commit")) {
                atCommit.incrementAndGet();
              }
            })
            // SQLite: a deferred transaction that cannot take the write lock fails SQLITE_BUSY at once
            .retryingOn(ErrorCategory.SERIALIZATION_FAILURE, ErrorCategory.DEADLOCK,
                ErrorCategory.STALE_VERSION, ErrorCategory.LOCK_TIMEOUT));
    Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    keys.forEach(key -> done.put(key, new AtomicInteger()));
    List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(executor.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String key = keys.get((thread + i) % keys.size());
            try {
              retrying.execute(status -> {
                Row row = db.getOrCreate("item", Map.of("name", key), Map.of("qty", 0)).row();
                return db.withTransaction(tx -> tx.updateVersioned("item", Map.of("name", key), "version",
                    row.getLong("version"), Map.of("qty", row.getInt("qty") + 1)));
              });
              done.get(key).incrementAndGet();
            } catch (Throwable e) {
              escaped.add(e);
            }
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.println("racefree: " + testDatabase.name() + " isolation " + isolation + ", hot-key units "
        + threads * perThread + ", failed attempts retried " + retries.get() + " (at commit " + atCommit.get() + ")");
    assertThat(escaped).as("errors that escaped the retry").isEmpty();
    List<Row> rows = db.list("item", Map.of());
    assertThat(rows).as("one row per key: no duplicates").hasSize(keys.size());
    for (Row row : rows) {
      assertThat(row.getInt("qty")).as("no lost update on " + row.getString("name"))
          .isEqualTo(done.get(row.getString("name")).get());
    }
    assertThat(done.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(threads * perThread);
  }

  void ownerInserts(String name) {
    ownerRuns("INSERT INTO item (name) VALUES ('" + name + "')");
  }

  /** Runs SQL on the connection of the current Spring transaction, as Spring JDBC code would. */
  void ownerRuns(String sql) {
    Connection connection = DataSourceUtils.getConnection(counting);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, counting);
    }
  }

  int ownerIsolation() {
    Connection connection = DataSourceUtils.getConnection(counting);
    try {
      return connection.getTransactionIsolation();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, counting);
    }
  }

  /** The names committed, read on a connection of its own (not the pool's). */
  List<String> committedNames() {
    return CommittedNames.of(testDatabase);
  }

}
