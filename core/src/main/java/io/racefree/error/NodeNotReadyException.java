package io.racefree.error;

/**
 * A Galera node refused the statement because it is not part of the cluster's primary component
 * (1047 / 08S01 "WSREP has not yet prepared node for application use"): it was cut off or is still
 * joining. The connection itself still answers ({@code isValid()} is true), so a pool keeps handing
 * it out. Use another node. Immutable.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class NodeNotReadyException extends ConnectionLostException {
  /**
   * An exception for {@code details}, with the standard advice.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param cause the driver's exception, or null
   */
  public NodeNotReadyException(ErrorDetails details, String problem, Throwable cause) {
    super(details, "this Galera node is not in the primary component: " + problem,
        "send the work to another node of the cluster (and take this node out of the pool until"
            + " wsrep_ready is ON); the refused statement did not run",
        cause);
  }
}
