package io.racefree.lock;

/**
 * The strength of a table lock taken with {@link io.racefree.Transaction#lockTable}. Both modes keep
 * other transactions from writing the table until this transaction ends; the per-database mapping
 * is in {@code docs/locks.md}.
 *
 * <p>Immutable and thread-safe.
 */
public enum TableLockMode {
  /**
   * Others may read but not write. PostgreSQL {@code SHARE}; MariaDB {@code READ} (this transaction
   * may not write the table either); SQLite the database write lock.
   */
  SHARE,
  /**
   * Nobody else writes or takes row locks. PostgreSQL {@code EXCLUSIVE} (plain reads still run);
   * MariaDB {@code WRITE} (blocks other readers too); SQLite the database write lock.
   */
  EXCLUSIVE
}
