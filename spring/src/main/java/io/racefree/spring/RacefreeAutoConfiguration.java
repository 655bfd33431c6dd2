package io.racefree.spring;

import io.racefree.Database;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot 3 auto-configuration: a {@link Database} bean on the application's single {@link
 * DataSource} that takes part in Spring-managed transactions ({@link RacefreeSpring#database}).
 * Backs off when the application defines its own {@code Database}. Stateless and thread-safe.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass(Database.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class RacefreeAutoConfiguration {
  /**
   * The application's racefree database, joining Spring-managed transactions on its only data source.
   *
   * @param dataSource the application's data source
   * @return the database (see {@link RacefreeSpring#database})
   */
  @Bean
  @ConditionalOnMissingBean
  public Database racefreeDatabase(DataSource dataSource) {
    return RacefreeSpring.database(dataSource);
  }
}
