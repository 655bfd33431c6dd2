package io.racefree.error;

/**
 * The database chose this transaction as a deadlock victim and rolled it back. Retryable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class DeadlockException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public DeadlockException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.DEADLOCK, details, problem, "re-run the whole transaction; take locks in one canonical order to make this rarer", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public DeadlockException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.DEADLOCK, details, problem, advice, cause);
  }
}
