package io.racefree.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.error.StaleVersionException;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UniqueViolationException;
import io.racefree.testing.db.TestDatabase;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * racefree on a Hibernate 6.6 EntityManager's connection and transaction ({@link JpaRacefree}),
 * one entity manager factory per database. Run against each database by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaJoinContract {
  TestDatabase testDatabase;
  EntityManagerFactory factory;
  Database db;
  EntityManager em;

  abstract TestDatabase open();

  abstract String identityColumn();

  @BeforeAll
  void startHibernate() {
    testDatabase = open();
    testDatabase.execute("CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL,"
        + " qty INT, version BIGINT NOT NULL DEFAULT 0, CONSTRAINT uk_item_name UNIQUE (name))");
    Configuration configuration = new Configuration().addAnnotatedClass(Item.class);
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, testDatabase.dataSource());
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
    factory = configuration.buildSessionFactory();
    db = Database.of(testDatabase.dataSource());
  }

  @AfterAll
  void stopHibernate() {
    try {
      factory.close();
    } finally {
      testDatabase.close(); // fails on a leaked connection, transaction, setting or named lock
    }
  }

  @BeforeEach
  void openEntityManager() {
    testDatabase.execute("DELETE FROM item");
    em = factory.createEntityManager();
  }

  @AfterEach
  void closeEntityManager() {
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
    em.close();
  }

  @Test
  void pendingEntityChangesAreFlushedSoRacefreeSeesThemAndRollbackUndoesAll() {
    em.getTransaction().begin();
    Item item = new Item("persisted");
    em.persist(item); // an IDENTITY insert runs at once
    item.name = "pending"; // this update waits for a flush
    Database joined = JpaRacefree.on(db, em);
    assertThat(joined.find("item", Map.of("name", "pending"))).isPresent();
    assertThat(joined.getOrCreate("item", Map.of("name", "pending"), Map.of()).created()).isFalse();
    joined.useTransaction(tx -> tx.insert("item", Map.of("name", "racefree")));
    em.persist(new Item("later"));
    assertThat(joined.list("item", Map.of())).hasSize(3);
    assertThat(committedNames()).as("nothing commits before the entity manager does").isEmpty();
    em.getTransaction().rollback();
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void theEntityManagersCommitCommitsRacefreesWritesThenRunsOnCommit() {
    List<List<String>> seenByHook = new ArrayList<>();
    em.getTransaction().begin();
    em.persist(new Item("entity"));
    JpaRacefree.on(db, em).useTransaction(tx -> {
      tx.insert("item", Map.of("name", "racefree"));
      tx.onCommit(() -> seenByHook.add(committedNames()));
    });
    assertThat(seenByHook).isEmpty();
    em.getTransaction().commit();
    assertThat(seenByHook).containsExactly(List.of("entity", "racefree"));
  }

  @Test
  void onCommitHooksAreDroppedWhenTheEntityManagerRollsBack() {
    List<String> ran = new ArrayList<>();
    em.getTransaction().begin();
    JpaRacefree.on(db, em).useTransaction(tx -> tx.onCommit(() -> ran.add("hook")));
    em.getTransaction().rollback();
    assertThat(ran).isEmpty();
  }

  @Test
  void aFailedStatementDoesNotPoisonTheEntityManagersTransaction() {
    em.getTransaction().begin();
    em.persist(new Item("entity"));
    Database joined = JpaRacefree.on(db, em);
    assertThatThrownBy(() -> joined.insert("item", Map.of("name", "entity")))
        .isInstanceOf(UniqueViolationException.class);
    em.persist(new Item("after"));
    em.getTransaction().commit();
    assertThat(committedNames()).containsExactly("after", "entity");
  }

  @Test
  void readOnlyInsideTheEntityManagersTransactionIsRefusedBeforeAnySql() {
    AtomicInteger calls = new AtomicInteger();
    em.getTransaction().begin();
    em.persist(new Item("entity"));
    assertThatThrownBy(() -> JpaRacefree.on(db, em).useTransaction(
        TransactionOptions.defaults().withReadOnly(true), tx -> calls.incrementAndGet()))
        .isInstanceOf(TransactionStateException.class);
    em.getTransaction().commit();
    assertThat(calls).hasValue(0);
    assertThat(committedNames()).containsExactly("entity");
  }

  @Test
  void aRetryableFailureReachesTheCallerAndIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    em.getTransaction().begin();
    em.persist(new Item("v"));
    assertThatThrownBy(() -> JpaRacefree.on(db, em).useTransaction(
        TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
          calls.incrementAndGet();
          tx.updateVersioned("item", Map.of("name", "v"), "version", 41, Map.of("qty", 1));
        }))
        .isInstanceOf(StaleVersionException.class);
    assertThat(calls).hasValue(1);
    em.getTransaction().rollback();
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void withoutATransactionRacefreeRunsItsOwnOnTheEntityManagersConnection() {
    JpaRacefree.on(db, em).useTransaction(tx -> tx.insert("item", Map.of("name", "own")));
    assertThat(committedNames()).containsExactly("own");
  }

  List<String> committedNames() {
    try (Connection other = testDatabase.connect();
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM item ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
