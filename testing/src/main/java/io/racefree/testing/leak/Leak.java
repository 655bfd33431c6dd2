package io.racefree.testing.leak;

import java.util.Objects;

/**
 * One thing a connection should not carry back to its pool or owner. Immutable and thread-safe.
 *
 * @param kind what leaked
 * @param detail what was found, for the failure message
 */
public record Leak(Kind kind, String detail) {
  /** What leaked. */
  public enum Kind {
    /** The connection was never closed. */
    CONNECTION_NOT_CLOSED,
    /** Autocommit is off, so a transaction may be open. */
    AUTOCOMMIT_OFF,
    /** A transaction is open although autocommit is on (an explicit BEGIN). */
    OPEN_TRANSACTION,
    /** The transaction isolation differs from the one the connection had when it was opened. */
    ISOLATION_CHANGED,
    /** The read-only flag differs from the one the connection had when it was opened. */
    READ_ONLY_CHANGED,
    /** The session still holds a named (advisory / user-level) lock. */
    NAMED_LOCK_HELD,
    /** The leak check itself could not run (the connection is broken, for example). */
    CHECK_FAILED
  }

  /**
   * Checks that neither part is null.
   *
   * @param kind what leaked
   * @param detail what was found
   */
  public Leak {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + ": " + detail;
  }
}
