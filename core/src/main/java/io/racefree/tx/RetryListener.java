package io.racefree.tx;

/**
 * Sees every failed attempt of a transaction run under a {@link RetryPolicy}. Called on the thread
 * running the transaction; a listener shared by several transactions must be thread-safe.
 */
@FunctionalInterface
public interface RetryListener {
  void attemptFailed(RetryAttempt attempt);

  RetryListener NONE = attempt -> {};
}
