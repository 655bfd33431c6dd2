package io.racefree.tx;

/** Sees every failed attempt of a transaction run under a {@link RetryPolicy}. */
@FunctionalInterface
public interface RetryListener {
  void attemptFailed(RetryAttempt attempt);

  RetryListener NONE = attempt -> {};
}
