package io.racefree.error;

/**
 * The transaction API was used in a way that cannot work (e.g. another isolation level inside an open transaction).
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class TransactionStateException extends RacefreeException {
  /** An exception for {@code details}, with the standard advice. */
  public TransactionStateException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, "open a new outermost transaction with the options you need", cause);
  }

  /** An exception for {@code details}, with {@code advice} as the "what to do" line. */
  public TransactionStateException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, advice, cause);
  }
}
