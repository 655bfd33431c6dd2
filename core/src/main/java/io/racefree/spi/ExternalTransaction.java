package io.racefree.spi;

import java.sql.Connection;

/**
 * A connection racefree borrows from the application (see {@link ExternalTransactions}). When the
 * connection has auto-commit off, the application owns its transaction: racefree never begins,
 * commits or rolls it back and never changes its auto-commit, isolation or read-only state; its own
 * transaction becomes a savepoint and its commit becomes the owner's. With auto-commit on, racefree
 * runs a transaction of its own on the connection and restores it afterwards.
 *
 * <p>Not thread-safe: used by one thread at a time, the thread that obtained it.
 */
public interface ExternalTransaction {
  /**
   * The connection; racefree never closes it.
   *
   * @return the connection; racefree never closes it
   */
  Connection connection();

  /**
   * Arranges for {@code listener} to be called once after the owner's transaction commits or rolls
   * back, while {@link #connection()} is still usable (racefree releases MariaDB named locks there,
   * then runs {@code onCommit} hooks). Returns false when the owner cannot tell when its transaction
   * ends, as for a plain {@link Connection}: racefree then refuses {@code onCommit} and what must be
   * held until the end of the transaction.
   *
   * @param listener called once with the outcome
   * @return false when the owner cannot call back, in which case nothing was arranged
   */
  boolean afterCompletion(CompletionListener listener);

  /** Gives the connection back the way the owner expects; called once for each {@code current()}. */
  void release();

  /** Called when the owner's transaction has ended. */
  @FunctionalInterface
  interface CompletionListener {
    /**
     * Called once the application's transaction has ended.
     *
     * @param committed true when it committed, false when it rolled back
     */
    void afterCompletion(boolean committed);
  }
}
