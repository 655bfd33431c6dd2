package io.racefree.dialect;

/**
 * What a named lock is on an engine: the mechanism behind {@code tx.lock(name)}, {@code
 * db.withLock(name, ...)} and the creator lock of get-or-create without a unique key. Immutable and
 * thread-safe.
 */
public enum NamedLockKind {
  /**
   * PostgreSQL advisory locks on a 64-bit key: {@code pg_advisory_xact_lock}, released by the
   * database when the transaction ends, and {@code pg_advisory_lock} for a session.
   */
  ADVISORY,
  /**
   * MySQL family {@code GET_LOCK}: session-scoped, counted (a session may take a name again), and
   * released by racefree with {@code RELEASE_LOCK} once per acquisition.
   */
  GET_LOCK,
  /** H2 has no named locks: a row of a lock table locked {@code FOR UPDATE}. */
  LOCK_TABLE_ROW,
  /** SQLite: the database write lock, which a write transaction holds, stands for every name. */
  DATABASE_WRITE_LOCK,
  /**
   * None that holds across a cluster (MariaDB Galera: {@code GET_LOCK} is local to one node): named
   * locks and the creator lock of get-or-create without a unique key are refused.
   */
  NONE
}
