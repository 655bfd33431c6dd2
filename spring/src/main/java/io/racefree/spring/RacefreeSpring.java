package io.racefree.spring;

import io.racefree.Database;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/** Builds racefree databases that take part in Spring-managed transactions. Stateless and thread-safe. */
public final class RacefreeSpring {
  private RacefreeSpring() {}

  /**
   * A {@link Database} on {@code dataSource} that, inside a Spring transaction, works on the
   * transaction's connection: its transactions become savepoints, its commit is Spring's, {@code
   * onCommit} hooks run after Spring commits, and it is never retried there (use {@link
   * RetryingTransactionTemplate} around the whole unit of work). Outside a Spring transaction it
   * behaves as {@link Database#of}. Pass the {@code DataSource} the transaction manager uses (a
   * {@code TransactionAwareDataSourceProxy} is unwrapped to its target).
   *
   * @param dataSource the data source of the transaction manager
   * @return the database
   */
  public static Database database(DataSource dataSource) {
    DataSource target = dataSource instanceof TransactionAwareDataSourceProxy proxy
        ? proxy.getTargetDataSource()
        : dataSource;
    return Database.builder(target).joining(new SpringTransactions(target)).build();
  }
}
