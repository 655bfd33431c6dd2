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
}
