package io.racefree;

/**
 * Work to run in a transaction, returning a value. May run more than once under a retry policy,
 * each time on the calling thread.
 */
@FunctionalInterface
public interface TransactionCallback<T> {
  T withTransaction(Transaction transaction) throws Exception;
}
