package io.racefree;

/** Work to run in a transaction, returning nothing. May run more than once under a retry policy. */
@FunctionalInterface
public interface TransactionConsumer {
  void useTransaction(Transaction transaction) throws Exception;
}
