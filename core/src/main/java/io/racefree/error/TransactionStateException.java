package io.racefree.error;

/**
 * The transaction API was used in a way that cannot work (e.g. another isolation level inside an open transaction).
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class TransactionStateException extends RacefreeException {
  public TransactionStateException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, "open a new outermost transaction with the options you need", cause);
  }

  public TransactionStateException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, advice, cause);
  }
}
