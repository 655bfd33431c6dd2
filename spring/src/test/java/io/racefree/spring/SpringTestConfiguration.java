package io.racefree.spring;

import io.racefree.Database;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** A minimal Spring application: a DataSource (registered by the test), a transaction manager, racefree. */
@Configuration
@EnableTransactionManagement
class SpringTestConfiguration {
  @Bean
  DataSourceTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean
  Database database(DataSource dataSource) {
    return RacefreeSpring.database(dataSource);
  }

  @Bean
  ItemService itemService(Database database) {
    return new ItemService(database);
  }
}
