package io.racefree;

import io.racefree.lock.GuardedUpdates;
import io.racefree.lock.Locks;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.Upserts;

/**
 * An open transaction, handed to a {@link TransactionCallback} by {@link
 * Database#withTransaction}. The callback owns nothing: racefree begins, commits or rolls back and
 * restores the connection. Besides plain reads and writes ({@link Handle}) it has three facets:
 * {@link Upserts} ({@code getOrCreate}, {@code updateOrCreate} and their bulk forms), {@link Locks}
 * (row, table and named locks, {@code claim}) and {@link GuardedUpdates} (read-modify-write in one
 * statement).
 *
 * <p>Nested calls to {@link #withTransaction} run in a savepoint: a failure rolls back to it and the
 * outer transaction goes on (also on PostgreSQL, where a failed statement otherwise aborts the
 * whole transaction). Retries happen only at the outermost level.
 *
 * <p>Applications may implement this interface, for example to decorate racefree's transaction:
 * racefree never casts a {@code Transaction} to its own classes, so a decorator that delegates every
 * method works for every operation.
 *
 * <p>Not thread-safe: use it only on the thread running the callback, and not after it returns.
 */
public interface Transaction extends Handle, Upserts, Locks, GuardedUpdates {
  /**
   * The isolation level this transaction runs at, as the database really applies it.
   *
   * @return the isolation level this transaction runs at, as the database really applies it
   */
  Isolation isolation();

  /**
   * The options this transaction (the outermost level, for a savepoint) was begun with.
   *
   * @return the options this transaction (the outermost level, for a savepoint) was begun with
   */
  TransactionOptions options();

  /**
   * 0 for the outermost transaction, 1 for a savepoint inside it, and so on.
   *
   * @return the nesting depth: 0 for the outermost transaction, 1 for a savepoint inside it, and so on
   */
  int depth();

  /**
   * Runs {@code callback} in a savepoint and returns its value. The nested transaction runs at the
   * outer one's isolation level and access mode: asking for another isolation level, for read-only
   * inside a read-write transaction, or for a retry policy (only the outermost transaction retries)
   * fails with {@link io.racefree.error.TransactionStateException} before any SQL runs. (A nested
   * transaction with default options inside a read-only one is simply read-only too.) An exception
   * of the callback rolls back to the savepoint and reaches the caller unwrapped.
   *
   * @param <X> the checked exception the callback may throw
   * @param options the nested transaction's options; only what the outer transaction allows
   * @param callback the work, run in the savepoint
   * @param <T> the callback's result type
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  <T, X extends Exception> T withTransaction(
      TransactionOptions options, TransactionCallback<T, X> callback) throws X;

  /**
   * {@link #withTransaction(TransactionOptions, TransactionCallback)} with the outer options.
   *
   * @param <T> the callback's result type
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  default <T, X extends Exception> T withTransaction(TransactionCallback<T, X> callback) throws X {
    return withTransaction(TransactionOptions.inherit(), callback);
  }

  /**
   * {@link #withTransaction(TransactionCallback)} for a callback that returns nothing.
   *
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @throws X what the callback throws, unwrapped
   */
  default <X extends Exception> void useTransaction(TransactionConsumer<X> callback) throws X {
    withTransaction(TransactionOptions.inherit(), tx -> {
      callback.useTransaction(tx);
      return null;
    });
  }

  /**
   * Runs {@code hook} after the outermost transaction commits; dropped if this transaction (or the
   * savepoint it was registered in) rolls back. A hook that throws does not undo the commit.
   *
   * @param hook runs once, after the outermost commit
   */
  void onCommit(Runnable hook);

  /** Marks the transaction so that it rolls back instead of committing when the callback returns. */
  void setRollbackOnly();

  /**
   * Whether {@link #setRollbackOnly()} was called on this level.
   *
   * @return whether {@link #setRollbackOnly()} was called on this level
   */
  boolean isRollbackOnly();
}
