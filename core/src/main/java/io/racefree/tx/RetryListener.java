package io.racefree.tx;

/**
 * Sees every failed attempt of a transaction run under a {@link RetryPolicy}. Called on the thread
 * running the transaction; a listener shared by several transactions must be thread-safe. An
 * exception it throws is added to the attempt's failure as suppressed and otherwise ignored: it
 * never replaces that failure nor stops the retry.
 */
@FunctionalInterface
public interface RetryListener {
  /**
   * Attempt {@code attempt.number()} failed; {@code attempt.willRetry()} says what follows.
   *
   * @param attempt the failed attempt: its number, failure, and whether and when it is retried
   */
  void attemptFailed(RetryAttempt attempt);

  /** A listener that does nothing. */
  RetryListener NONE = attempt -> {};
}
