package io.racefree;

/**
 * Work to run in a transaction, returning nothing. May run more than once under a retry policy. It
 * may throw the caller's checked exception {@code X}, which reaches the caller unwrapped after the
 * transaction rolled back (and is never retried).
 *
 * <p>Need not be thread-safe: racefree calls it on the thread that passed it in.
 *
 * @param <X> the checked exception it may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface TransactionConsumer<X extends Exception> {
  /**
   * The work, in {@code transaction}.
   *
   * @param transaction the running transaction: its handle for statements, locks and commit hooks
   * @throws X what the callback throws, unwrapped
   */
  void useTransaction(Transaction transaction) throws X;
}
