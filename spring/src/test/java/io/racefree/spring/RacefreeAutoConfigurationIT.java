package io.racefree.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.Database;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Tag("h2")
class RacefreeAutoConfigurationIT {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RacefreeAutoConfiguration.class));

  @Test
  void exposesADatabaseThatJoinsSpringTransactions() {
    try (TestDatabase h2 = TestDatabases.h2()) {
      h2.execute("CREATE TABLE item (name VARCHAR(20) PRIMARY KEY)");
      runner.withBean(DataSource.class, h2::dataSource).run(context -> {
        Database db = context.getBean(Database.class);
        TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(context.getBean(DataSource.class)));
        transactions.executeWithoutResult(status -> {
          db.insert("item", Map.of("name", "rolled-back"));
          status.setRollbackOnly();
        });
        assertThat(db.list("item", Map.of())).isEmpty();
      });
    }
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnDatabase() {
    try (TestDatabase h2 = TestDatabases.h2()) {
      Database own = Database.of(h2.dataSource());
      runner.withBean(DataSource.class, h2::dataSource).withBean(Database.class, () -> own)
          .run(context -> assertThat(context.getBean(Database.class)).isSameAs(own));
    }
  }

  @Test
  void staysAwayWithoutADataSource() {
    runner.run(context -> assertThat(context).doesNotHaveBean(Database.class));
  }
}
