package io.racefree.dialect;

/**
 * What the engine's own catalog says about one unique index beyond what JDBC's {@code
 * getIndexInfo} reports. Immutable and thread-safe.
 *
 * @param keyColumns how many of the listed columns are key columns; the rest are {@code INCLUDE}d
 *     payload (PostgreSQL lists them too), or -1 when every listed column is a key column
 * @param nullsNotDistinct whether NULLs compare equal in it (PostgreSQL 15+ NULLS NOT DISTINCT)
 * @param partial whether it has a WHERE clause (SQLite's driver does not report one)
 * @param deferrable whether it is checked later than each statement may (PostgreSQL DEFERRABLE,
 *     which ON CONFLICT cannot use as an arbiter)
 */
public record IndexShape(int keyColumns, boolean nullsNotDistinct, boolean partial, boolean deferrable) {
  /** Nothing beyond what the driver reported. */
  public static final IndexShape AS_REPORTED = new IndexShape(-1, false, false, false);
}
