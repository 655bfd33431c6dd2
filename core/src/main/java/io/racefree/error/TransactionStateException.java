package io.racefree.error;

/**
 * The transaction API was used in a way that cannot work (e.g. another isolation level inside an open transaction).
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class TransactionStateException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public TransactionStateException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, "open a new outermost transaction with the options you need", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public TransactionStateException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.TRANSACTION_STATE, details, problem, advice, cause);
  }
}
