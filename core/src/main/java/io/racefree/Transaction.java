package io.racefree;

import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;

/**
 * An open transaction, handed to a {@link TransactionCallback} by {@link
 * Database#withTransaction}. The callback owns nothing: racefree begins, commits or rolls back and
 * restores the connection.
 *
 * <p>Nested calls to {@link #withTransaction} run in a savepoint: a failure rolls back to it and the
 * outer transaction goes on (also on PostgreSQL, where a failed statement otherwise aborts the
 * whole transaction). Retries happen only at the outermost level.
 *
 * <p>Not thread-safe: use it only on the thread running the callback, and not after it returns.
 */
public interface Transaction extends Handle {
  /** The isolation level this transaction runs at, as the database really applies it. */
  Isolation isolation();

  TransactionOptions options();

  /** 0 for the outermost transaction, 1 for a savepoint inside it, and so on. */
  int depth();

  /**
   * Runs {@code callback} in a savepoint. Asking for another isolation level, or read-write inside a
   * read-only transaction, or a retry policy (only the outermost transaction retries), fails with
   * {@link io.racefree.error.TransactionStateException}.
   */
  <T> T withTransaction(TransactionOptions options, TransactionCallback<T> callback);

  default <T> T withTransaction(TransactionCallback<T> callback) {
    return withTransaction(TransactionOptions.inherit(), callback);
  }

  default void useTransaction(TransactionConsumer callback) {
    withTransaction(tx -> {
      callback.useTransaction(tx);
      return null;
    });
  }

  /**
   * Runs {@code hook} after the outermost transaction commits; dropped if this transaction (or the
   * savepoint it was registered in) rolls back. A hook that throws does not undo the commit.
   */
  void onCommit(Runnable hook);

  /** Marks the transaction so that it rolls back instead of committing when the callback returns. */
  void setRollbackOnly();

  boolean isRollbackOnly();

  // ---- get-or-create and update-or-create: entry points owned by io.racefree.upsert ----

  // ---- end of get-or-create section ----

  // ---- locks and safe read-modify-write: entry points owned by io.racefree.lock ----

  // ---- end of locks section ----
}
