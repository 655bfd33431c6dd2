package io.racefree.dialect;

/**
 * Named capabilities a {@link Dialect} may have. Code asks {@code dialect.supports(feature)} and
 * fails fast with {@link io.racefree.error.UnsupportedFeatureException} instead of emitting SQL that
 * does something else. Immutable and thread-safe.
 */
public enum Feature {
  /** {@code INSERT ... RETURNING}. */
  INSERT_RETURNING,
  /** {@code UPDATE ... RETURNING} (PostgreSQL, SQLite 3.35+; MariaDB has it on INSERT and DELETE only). */
  UPDATE_RETURNING,
  /** {@code INSERT ... ON CONFLICT (cols) DO NOTHING / DO UPDATE} with {@code RETURNING}. */
  ON_CONFLICT,
  /**
   * {@code RETURNING (xmax = 0)} after {@code ON CONFLICT DO UPDATE} tells an inserted row from an
   * updated one (PostgreSQL).
   */
  UPSERT_REPORTS_INSERTED,
  /** {@code INSERT ... ON DUPLICATE KEY UPDATE} (MySQL family). */
  ON_DUPLICATE_KEY_UPDATE,
  /** {@code MERGE INTO t KEY (cols) VALUES (...)} (H2). */
  MERGE_KEY,
  /** Unique indexes may declare NULLS NOT DISTINCT. */
  NULLS_NOT_DISTINCT,
  /** {@code SELECT ... FOR UPDATE}. */
  SELECT_FOR_UPDATE,
  /** {@code FOR NO KEY UPDATE} (PostgreSQL). */
  FOR_NO_KEY_UPDATE,
  /** {@code FOR SHARE} (PostgreSQL, MySQL 8, H2 does not). */
  FOR_SHARE,
  /** {@code FOR KEY SHARE} (PostgreSQL). */
  FOR_KEY_SHARE,
  /** {@code LOCK IN SHARE MODE} (MySQL family). */
  LOCK_IN_SHARE_MODE,
  /** {@code FOR UPDATE OF table}. */
  FOR_UPDATE_OF,
  /** {@code NOWAIT} on a locking read. */
  NOWAIT,
  /** {@code SKIP LOCKED} on a locking read. */
  SKIP_LOCKED,
  /**
   * {@code LIMIT n ... SKIP LOCKED} returns up to n rows that are not locked (PostgreSQL, MariaDB,
   * MySQL); H2 takes the first n rows, then leaves out the locked ones, often returning none.
   */
  LIMIT_AFTER_SKIP_LOCKED,
  /** {@code WAIT n} seconds on a locking read (MariaDB). */
  WAIT_SECONDS,
  /** A session setting bounds lock waits (PostgreSQL lock_timeout, MySQL innodb_lock_wait_timeout). */
  LOCK_TIMEOUT_SETTING,
  /** A real table lock that excludes other writers until the transaction ends. */
  TABLE_LOCK,
  /** {@code LOCK TABLES ... NOWAIT} (MariaDB 10.3+): fail at once instead of waiting for a table. */
  LOCK_TABLES_NOWAIT,
  /** Transaction-scoped advisory locks (PostgreSQL pg_advisory_xact_lock). */
  ADVISORY_XACT_LOCK,
  /** Session-scoped named locks (PostgreSQL pg_advisory_lock, MySQL family GET_LOCK). */
  SESSION_NAMED_LOCK,
  /** SAVEPOINT / ROLLBACK TO SAVEPOINT. */
  SAVEPOINTS,
  /** Serializable isolation that detects write skew (PostgreSQL SSI). */
  SERIALIZABLE_SNAPSHOT_ISOLATION,
  /** {@code innodb_snapshot_isolation} session variable (MariaDB 10.6.18+/10.11.8+). */
  INNODB_SNAPSHOT_ISOLATION,
  /** The whole database has one writer at a time; {@code BEGIN IMMEDIATE} takes the write lock. */
  SINGLE_WRITER,
  /** A failed statement aborts the whole transaction until rollback (PostgreSQL 25P02). */
  FAILED_STATEMENT_ABORTS_TRANSACTION,
  /** Read-only transactions that the engine enforces (SQLite through PRAGMA query_only). */
  READ_ONLY_TRANSACTIONS
}
