package io.racefree.spring;

import io.racefree.error.ErrorDetails;
import io.racefree.error.TransactionStateException;
import io.racefree.spi.ExternalTransaction;
import io.racefree.spi.ExternalTransactions;
import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the Spring-managed transaction of the calling thread on one {@link DataSource}: the
 * connection Spring bound to it ({@code DataSourceTransactionManager}, {@code
 * JdbcTransactionManager}, or {@code JpaTransactionManager} with its data source set), obtained
 * and released through {@link DataSourceUtils}. A JPA {@code EntityManager} bound to the same
 * transaction is flushed first, so racefree's reads see pending entity changes. Outside a Spring
 * transaction it reports none, and racefree borrows a connection of its own. Inside a JPA
 * transaction whose manager binds no connection of this data source, it refuses with a {@link
 * TransactionStateException} rather than work outside that transaction. Thread-safe.
 */
public final class SpringTransactions implements ExternalTransactions {
  private final DataSource dataSource;

  /**
   * The transactions Spring manages on {@code dataSource}.
   *
   * @param dataSource the data source the transaction manager uses
   */
  public SpringTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public ExternalTransaction current() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder)) {
      if (JpaFlush.entityManagerInTransaction()) {
        throw new TransactionStateException(ErrorDetails.of("joined transaction", null),
            "a JPA transaction is active on this thread, but its transaction manager exposes no JDBC"
                + " connection of this DataSource, so racefree would work outside it",
            "give the JpaTransactionManager this DataSource (setDataSource; Spring Boot does), or"
                + " use JpaRacefree.on(database, entityManager); for a database the JPA transaction"
                + " does not use, build the Database with Database.of(dataSource)",
            null);
      }
      return null;
    }
    JpaFlush.flushBoundEntityManagers();
    return new SpringTransaction(DataSourceUtils.getConnection(dataSource), dataSource);
  }

  private static final class SpringTransaction implements ExternalTransaction {
    private final Connection connection;
    private final DataSource dataSource;

    SpringTransaction(Connection connection, DataSource dataSource) {
      this.connection = connection;
      this.dataSource = dataSource;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public boolean afterCompletion(CompletionListener listener) {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        return false;
      }
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          listener.afterCompletion(true);
        }

        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            listener.afterCompletion(false);
          }
        }
      });
      return true;
    }

    @Override
    public void release() {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
