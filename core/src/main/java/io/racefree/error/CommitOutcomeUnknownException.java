package io.racefree.error;

/**
 * The connection broke while the database was committing: the transaction may have committed or
 * not, and nobody can tell from this side. Distinct from a {@link ConnectionLostException} before
 * the commit (which means "rolled back"). racefree ran none of the transaction's {@code onCommit}
 * hooks and did not retry it; find out on a new connection (read what the transaction wrote, or
 * its idempotency key) before running it again.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class CommitOutcomeUnknownException extends ConnectionLostException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public CommitOutcomeUnknownException(ErrorDetails details, String problem, Throwable cause) {
    super(details, "the connection broke during COMMIT, so the transaction may or may not have"
            + " committed: " + problem,
        "do not assume either outcome: on a new connection, read what the transaction wrote (or"
            + " its idempotency key) before running it again; its onCommit hooks did not run",
        cause);
  }

  /**
   * An exception for a statement that commits by itself (auto-commit), with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param statement what the statement did, in words ("the insert of the new row")
   * @param cause the driver's exception, or null
   * @return the exception, not thrown
   */
  public static CommitOutcomeUnknownException ofAutoCommittedStatement(
      ErrorDetails details, String statement, Throwable cause) {
    return new CommitOutcomeUnknownException(details, cause, "the connection broke while " + statement
        + " ran in a transaction of its own (auto-commit), so it may or may not have committed");
  }

  private CommitOutcomeUnknownException(ErrorDetails details, Throwable cause, String problem) {
    super(details, problem,
        "do not assume either outcome: on a new connection, read what the statement wrote before running it again",
        cause);
  }
}
