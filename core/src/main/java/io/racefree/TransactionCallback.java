package io.racefree;

/**
 * Work to run in a transaction, returning a value. May run more than once under a retry policy,
 * each time on the calling thread. It may throw the caller's checked exception {@code X}, which
 * reaches the caller unwrapped after the transaction rolled back (and is never retried).
 *
 * <p>Need not be thread-safe: racefree calls it on the thread that passed it in.
 *
 * @param <T> what the work returns
 * @param <X> the checked exception it may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface TransactionCallback<T, X extends Exception> {
  /**
   * The work, in {@code transaction}; its value is what {@code withTransaction} returns.
   *
   * @param transaction the running transaction: its handle for statements, locks and commit hooks
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  T withTransaction(Transaction transaction) throws X;
}
