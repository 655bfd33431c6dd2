package io.racefree.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.spi.ExternalTransaction;
import io.racefree.spi.ExternalTransactions;
import javax.sql.DataSource;

/**
 * Where racefree gets a connection: the application's current transaction when there is one (see
 * {@link ExternalTransactions}), otherwise the data source. Thread-safe. Not API.
 */
public final class ConnectionSource {
  private final DataSource dataSource;
  private final ExternalTransactions externals;
  private final boolean autoCommitOffIsIdle;

  /**
   * @param dataSource where racefree's own connections come from, or null when every connection is
   *     the application's
   * @param externals the application's transactions, or null when there are none
   * @param autoCommitOffIsIdle true when a connection of {@code dataSource} with auto-commit off is
   *     idle (a pool configured so), false when it may be inside someone else's transaction
   */
  public ConnectionSource(DataSource dataSource, ExternalTransactions externals, boolean autoCommitOffIsIdle) {
    this.dataSource = dataSource;
    this.externals = externals;
    this.autoCommitOffIsIdle = autoCommitOffIsIdle;
  }

  ConnectionLease lease(DatabaseKind database) {
    ExternalTransaction external = externals == null ? null : externals.current();
    if (external != null) {
      return ConnectionLease.join(external, database);
    }
    return ConnectionLease.borrow(dataSource, database, autoCommitOffIsIdle);
  }
}
