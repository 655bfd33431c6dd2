package io.racefree.spi;

/**
 * Where racefree finds a transaction the application owns, so that it takes part in it instead of
 * taking a connection of its own: implemented by integrations (racefree-spring finds the connection
 * bound to the current Spring transaction) and installed with {@link
 * io.racefree.Database.Builder#joining}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ExternalTransactions {
  /**
   * The application's transaction on the calling thread, or null when there is none (racefree then
   * borrows a connection of the data source and runs a transaction of its own, as always).
   *
   * @return the application's transaction on the calling thread, or null when there is none (racefree then borrows a connection of the data source and runs a transaction of its own, as always)
   */
  ExternalTransaction current();
}
