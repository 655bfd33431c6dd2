package io.racefree.error;

/**
 * The database aborted this transaction earlier; nothing in it was or will be committed.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class TransactionAbortedException extends RacefreeException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public TransactionAbortedException(ErrorDetails details, String problem, Throwable cause) {
    super(ErrorCategory.TRANSACTION_ABORTED, details, problem, "roll back and re-run the transaction; use a nested transaction (savepoint) around statements that may fail", cause);
  }

  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public TransactionAbortedException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.TRANSACTION_ABORTED, details, problem, advice, cause);
  }
}
