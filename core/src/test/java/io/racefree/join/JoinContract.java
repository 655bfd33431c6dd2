package io.racefree.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.error.ConnectionUnavailableException;
import io.racefree.error.StaleVersionException;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UniqueViolationException;
import io.racefree.testing.db.TestDatabase;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * racefree on a connection whose transaction the caller owns ({@link Database#on}): it never
 * commits, ends or changes that transaction. Run against every database by a subclass.
 */
abstract class JoinContract {
  TestDatabase testDatabase;
  Database db;
  Connection owner;

  abstract TestDatabase open();

  abstract String identityColumn();

  @BeforeEach
  void createSchema() throws SQLException {
    testDatabase = open();
    testDatabase.execute("CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL,"
        + " qty INT, version BIGINT NOT NULL DEFAULT 0, CONSTRAINT uk_item_name UNIQUE (name))");
    db = Database.of(testDatabase.dataSource());
    owner = testDatabase.connect();
    owner.setAutoCommit(false);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try {
      if (!owner.getAutoCommit()) {
        owner.rollback();
        owner.setAutoCommit(true);
      }
      owner.close();
    } finally {
      testDatabase.close(); // fails on a leaked connection, transaction, setting or named lock
    }
  }

  @Test
  void outerRollbackRollsBackRacefreesWritesAndNothingCommitsEarly() throws SQLException {
    ownerInserts("outer");
    Database joined = db.on(owner);
    joined.useTransaction(tx -> tx.insert("item", Map.of("name", "in-tx")));
    joined.insert("item", Map.of("name", "in-session"));
    assertThat(joined.getOrCreate("item", Map.of("name", "got"), Map.of()).created()).isTrue();
    joined.updateOrCreate("item", Map.of("name", "outer"), Map.of("qty", 5), null);
    assertThat(joined.find("item", Map.of("name", "outer"))).isPresent();
    assertThat(joined.list("item", Map.of())).hasSize(4);
    assertThat(committedNames()).as("what another connection sees before the owner ends").isEmpty();
    assertThat(owner.getAutoCommit()).isFalse();

    owner.rollback();
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void outerCommitCommitsThem() throws SQLException {
    ownerInserts("outer");
    Database joined = db.on(owner);
    joined.useTransaction(tx -> tx.insert("item", Map.of("name", "in-tx")));
    joined.insert("item", Map.of("name", "in-session"));
    assertThat(committedNames()).isEmpty();
    owner.commit();
    assertThat(committedNames()).containsExactlyInAnyOrder("outer", "in-tx", "in-session");
  }

  @Test
  void aFailedStatementRollsBackToRacefreesSavepointAndTheOwnerGoesOn() throws SQLException {
    ownerInserts("outer");
    Database joined = db.on(owner);
    assertThatThrownBy(() -> joined.useTransaction(tx -> {
      tx.insert("item", Map.of("name", "undone"));
      tx.insert("item", Map.of("name", "outer"));
    })).isInstanceOf(UniqueViolationException.class);
    assertThatThrownBy(() -> joined.insert("item", Map.of("name", "outer")))
        .isInstanceOf(UniqueViolationException.class);
    ownerInserts("after");
    owner.commit();
    assertThat(committedNames()).containsExactlyInAnyOrder("outer", "after");
  }

  @Test
  void aRowLockedByTheOwnerIsUpdatedThroughRacefreeWithoutWaitingOnItself() throws SQLException {
    ownerInserts("hot");
    owner.commit();
    try (Statement statement = owner.createStatement()) {
      statement.executeUpdate("UPDATE item SET qty = 1 WHERE name = 'hot'"); // holds the row lock
    }
    Database joined = db.on(owner);
    assertThat(joined.updateOrCreate("item", Map.of("name", "hot"), Map.of("qty", 2), null).created()).isFalse();
    assertThat(joined.update("item", Map.of("name", "hot"), Map.of("qty", 3))).isEqualTo(1);
    owner.commit();
    assertThat(db.get("item", Map.of("name", "hot")).getInt("qty")).isEqualTo(3);
  }

  @Test
  void readOnlyInsideTheOwnersReadWriteTransactionIsRefusedBeforeAnySql() throws SQLException {
    ownerInserts("outer");
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> db.on(owner).useTransaction(TransactionOptions.defaults().withReadOnly(true),
        tx -> calls.incrementAndGet()))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("read-only");
    assertUnchanged(calls);
  }

  @Test
  void anotherIsolationLevelInsideTheOwnersTransactionIsRefusedBeforeAnySql() throws SQLException {
    ownerInserts("outer");
    Isolation running = Isolation.fromJdbc(owner.getTransactionIsolation());
    Isolation other = otherIsolationThan(running);
    AtomicInteger calls = new AtomicInteger();
    if (other == null) {
      // SQLite runs every transaction SERIALIZABLE: any level asked for is granted, stronger.
      db.on(owner).useTransaction(TransactionOptions.isolation(Isolation.READ_COMMITTED), tx -> calls.incrementAndGet());
      assertThat(calls).hasValue(1);
      owner.rollback();
      return;
    }
    assertThatThrownBy(() -> db.on(owner).useTransaction(TransactionOptions.isolation(other), tx -> calls.incrementAndGet()))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("isolation");
    assertThat(owner.getTransactionIsolation()).isEqualTo(running.jdbcLevel());
    assertUnchanged(calls);
  }

  /** A level the dialect runs differently from {@code running}, or null when every level is the same. */
  Isolation otherIsolationThan(Isolation running) {
    for (Isolation level : List.of(Isolation.SERIALIZABLE, Isolation.READ_COMMITTED)) {
      if (db.dialect().effectiveIsolation(level) != db.dialect().effectiveIsolation(running)) {
        return level;
      }
    }
    return null;
  }

  private void assertUnchanged(AtomicInteger calls) throws SQLException {
    assertThat(calls).hasValue(0);
    assertThat(owner.getAutoCommit()).isFalse();
    assertThat(owner.isReadOnly()).isFalse();
    assertThat(committedNames()).isEmpty();
    owner.commit(); // the owner's transaction is intact
    assertThat(committedNames()).containsExactly("outer");
  }

  @Test
  void aRetryableFailureReachesTheOwnerTypedAndIsNotRetried() throws SQLException {
    ownerInserts("v");
    AtomicInteger calls = new AtomicInteger();
    List<io.racefree.tx.RetryAttempt> attempts = new java.util.ArrayList<>();
    assertThatThrownBy(() -> db.on(owner).useTransaction(
        TransactionOptions.defaults().withRetry(RetryPolicy.standard().withListener(attempts::add)),
        tx -> {
          calls.incrementAndGet();
          tx.updateVersioned("item", Map.of("name", "v"), "version", 41, Map.of("qty", 1));
        }))
        .isInstanceOf(StaleVersionException.class)
        .matches(e -> ((StaleVersionException) e).isRetryable());
    assertThat(calls).as("racefree does not own the transaction, so it never reruns it").hasValue(1);
    assertThat(attempts).singleElement()
        .matches(attempt -> !attempt.willRetry() && attempt.failure() instanceof StaleVersionException);
    owner.commit();
    assertThat(committedNames()).containsExactly("v");
  }

  @Test
  void onCommitIsRefusedWhereRacefreeCannotSeeTheOwnersCommit() throws SQLException {
    List<String> ran = new java.util.ArrayList<>();
    assertThatThrownBy(() -> db.on(owner).useTransaction(tx -> tx.onCommit(() -> ran.add("hook"))))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("cannot run a hook after its commit");
    owner.commit();
    assertThat(ran).isEmpty();
  }

  @Test
  void namedLocksAndTableLocksThatWouldOutliveRacefreesPartAreRefusedOnMariaDb() throws SQLException {
    if (!db.dialect().kind().isMySqlFamily()) {
      return; // PostgreSQL's and H2's transaction locks end with the owner's transaction by themselves
    }
    ownerInserts("outer");
    Database joined = db.on(owner);
    assertThatThrownBy(() -> joined.useTransaction(tx -> tx.lock("rf-join-" + System.nanoTime())))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("cannot hold what must be released");
    assertThatThrownBy(() -> joined.useTransaction(tx -> tx.lockTable("item", io.racefree.lock.TableLockMode.EXCLUSIVE)))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("LOCK TABLES would commit");
    assertThat(committedNames()).isEmpty();
    owner.commit();
    assertThat(committedNames()).containsExactly("outer");
  }

  @Test
  void onAnAutoCommitConnectionRacefreeOwnsItsTransactionAndRestoresTheConnection() throws SQLException {
    owner.setAutoCommit(true);
    List<String> ran = new java.util.ArrayList<>();
    db.on(owner).useTransaction(tx -> {
      tx.insert("item", Map.of("name", "own"));
      tx.onCommit(() -> ran.add("hook"));
    });
    assertThat(ran).containsExactly("hook");
    assertThat(owner.getAutoCommit()).isTrue();
    assertThat(owner.isClosed()).isFalse();
    assertThat(committedNames()).containsExactly("own");
  }

  /** A TransactionAwareDataSourceProxy hands out the connection of the caller's transaction. */
  @Test
  void aDataSourceHandingOutAConnectionInATransactionIsRefusedNotCommitted() throws SQLException {
    ownerInserts("outer");
    Database throughProxy = Database.builder(new OneConnectionDataSource(owner)).dialect(db.dialect()).build();
    assertThatThrownBy(() -> throughProxy.find("item", Map.of("name", "outer")))
        .isInstanceOf(TransactionStateException.class)
        .hasMessageContaining("auto-commit off");
    assertThatThrownBy(() -> throughProxy.useTransaction(tx -> tx.insert("item", Map.of("name", "x"))))
        .isInstanceOf(TransactionStateException.class);
    assertThat(owner.getAutoCommit()).isFalse();
    assertThat(committedNames()).isEmpty();
    owner.rollback();
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void aPoolTimeoutIsConnectionUnavailableNotConnectionLost() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(testDatabase.jdbcUrl());
    config.setUsername(testDatabase.user());
    config.setPassword(testDatabase.password());
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(250);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection held = pool.getConnection()) {
      Database pooled = Database.builder(pool).dialect(db.dialect()).build();
      assertThatThrownBy(() -> pooled.find("item", Map.of("name", "a")))
          .isInstanceOf(ConnectionUnavailableException.class)
          .hasMessageContaining("get a connection")
          .hasMessageContaining("nothing started");
      assertThatThrownBy(() -> pooled.useTransaction(tx -> tx.insert("item", Map.of("name", "a"))))
          .isInstanceOf(ConnectionUnavailableException.class);
      assertThat(held.isClosed()).isFalse();
    }
    assertThat(committedNames()).isEmpty();
  }

  void ownerInserts(String name) throws SQLException {
    try (Statement statement = owner.createStatement()) {
      statement.executeUpdate("INSERT INTO item (name) VALUES ('" + name + "')");
    }
  }

  /** The names committed, read on a connection of its own. */
  List<String> committedNames() throws SQLException {
    try (Connection other = testDatabase.connect();
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM item ORDER BY name")) {
      List<String> names = new java.util.ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  /** A data source that always hands out the same connection, whose close does nothing. */
  static final class OneConnectionDataSource extends io.racefree.support.AbstractDataSource {
    private final Connection connection;

    OneConnectionDataSource(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection getConnection() {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            try {
              return method.invoke(connection, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
