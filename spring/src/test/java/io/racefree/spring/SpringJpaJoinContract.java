package io.racefree.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.error.TransactionStateException;
import io.racefree.testing.db.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.support.TransactionTemplate;

/** racefree inside a Spring JpaTransactionManager transaction over Hibernate 6.6. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringJpaJoinContract {
  TestDatabase testDatabase;
  CountingDataSource counting;
  EntityManagerFactory factory;
  TransactionTemplate transactions;
  Database db;

  abstract TestDatabase open();

  abstract String identityColumn();

  @BeforeAll
  void start() {
    testDatabase = open();
    testDatabase.execute("CREATE TABLE item (" + identityColumn() + ", name VARCHAR(50) NOT NULL,"
        + " CONSTRAINT uk_item_name UNIQUE (name))");
    counting = new CountingDataSource(testDatabase.dataSource());
    Configuration configuration = new Configuration().addAnnotatedClass(Item.class);
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, counting);
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
    factory = configuration.buildSessionFactory();
    JpaTransactionManager transactionManager = new JpaTransactionManager(factory);
    transactionManager.setDataSource(counting);
    transactionManager.setJpaDialect(new HibernateJpaDialect());
    transactions = new TransactionTemplate(transactionManager);
    db = RacefreeSpring.database(counting);
  }

  @AfterAll
  void stop() {
    try {
      factory.close();
    } finally {
      testDatabase.close(); // fails on a leaked connection, transaction, setting or named lock
    }
  }

  @BeforeEach
  void emptyTable() {
    testDatabase.execute("DELETE FROM item");
  }

  @Test
  void racefreeSeesPendingEntitiesUsesTheSameConnectionAndRollsBackWithSpring() {
    int before = counting.borrowed();
    transactions.executeWithoutResult(status -> {
      EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
      Item item = new Item("persisted");
      em.persist(item); // an IDENTITY insert runs at once
      item.name = "pending"; // this update waits for a flush
      assertThat(db.find("item", Map.of("name", "pending"))).as("flushed before racefree reads").isPresent();
      db.useTransaction(tx -> tx.insert("item", Map.of("name", "racefree")));
      assertThat(committedNames()).isEmpty();
      status.setRollbackOnly();
    });
    assertThat(counting.borrowed() - before).as("connections taken").isEqualTo(1);
    assertThat(committedNames()).isEmpty();
  }

  @Test
  void springsCommitCommitsBothThenRunsOnCommit() {
    List<List<String>> seenByHook = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
      em.persist(new Item("entity"));
      db.useTransaction(tx -> {
        tx.insert("item", Map.of("name", "racefree"));
        tx.onCommit(() -> seenByHook.add(committedNames()));
      });
      assertThat(seenByHook).isEmpty();
    });
    assertThat(seenByHook).containsExactly(List.of("entity", "racefree"));
  }

  /** A JpaTransactionManager that binds no connection: racefree refuses rather than work outside it. */
  @Test
  void aJpaTransactionWithoutItsConnectionIsRefusedBeforeAnySql() {
    TransactionTemplate withoutDataSource = new TransactionTemplate(new JpaTransactionManager(factory));
    int before = counting.borrowed();
    withoutDataSource.executeWithoutResult(status -> {
      EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
      em.persist(new Item("entity"));
      assertThatThrownBy(() -> db.useTransaction(tx -> tx.insert("item", Map.of("name", "racefree"))))
          .isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("exposes no JDBC connection")
          .hasMessageContaining("setDataSource");
      status.setRollbackOnly();
    });
    assertThat(counting.borrowed() - before).as("connections racefree took").isEqualTo(1);
    assertThat(committedNames()).isEmpty();
  }

  List<String> committedNames() {
    return CommittedNames.of(testDatabase);
  }
}
