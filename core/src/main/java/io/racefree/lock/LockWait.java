package io.racefree.lock;

import java.time.Duration;

/**
 * One lock request racefree made for the application, as a {@link io.racefree.DatabaseListener}
 * sees it. Immutable and thread-safe.
 *
 * @param kind what was locked
 * @param task the operation, with the table or lock name (never bound values), e.g. {@code
 *     lockRows(account)} or {@code lock(report:7)}
 * @param granted whether the lock was granted
 * @param waited how long the request took, from sending it to the answer
 */
public record LockWait(Kind kind, String task, boolean granted, Duration waited) {
  /** What a lock request locks. */
  public enum Kind {
    /** {@code lockRows}, {@code lockRowsInOrder}, {@code claim}. */
    ROWS,
    /** {@code lockTable}, {@code lockTables}. */
    TABLES,
    /** {@code lock}, {@code tryLock}, {@code lockAll}, {@code Database.withLock}. */
    NAMED
  }
}
