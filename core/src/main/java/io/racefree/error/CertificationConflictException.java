package io.racefree.error;

/**
 * A Galera node rolled this transaction back because a transaction on another node wrote the same
 * rows and was certified first (at COMMIT, or at the next statement when the other node's write
 * arrived first). MariaDB reports it with the InnoDB deadlock code 1213 / SQLState 40001; racefree
 * names it when it knows the connection is on a Galera node. Retryable: re-run the whole
 * transaction. Immutable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class CertificationConflictException extends DeadlockException {
  /** The reason this exception's message starts with. */
  public static final String REASON = "certification conflict";

  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param cause the driver's exception, or null
   */
  public CertificationConflictException(ErrorDetails details, Throwable cause) {
    super(details,
        REASON + ": a transaction on another Galera node changed the same rows and committed first;"
            + " this node rolled the whole transaction back (reported as 1213, the deadlock code)",
        "re-run the whole transaction (racefree's own transactions do so under their RetryPolicy);"
            + " sending the writes for the same rows to one node makes this rarer",
        cause);
  }
}
