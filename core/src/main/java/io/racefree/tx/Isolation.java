package io.racefree.tx;

import java.sql.Connection;

/** The four SQL isolation levels, with their JDBC constants. Immutable and thread-safe. */
public enum Isolation {
  /** Dirty reads allowed (PostgreSQL, and racefree on H2, run it as READ COMMITTED). */
  READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
  /** Each statement sees what was committed before it began. */
  READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
  /** Rows read stay as they were read (a snapshot on PostgreSQL, MariaDB and H2). */
  REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
  /** As if the transactions ran one after the other. */
  SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  Isolation(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /**
   * The {@link Connection} constant of this level.
   *
   * @return the {@code Connection.TRANSACTION_*} constant
   */
  public int jdbcLevel() {
    return jdbcLevel;
  }

  /**
   * The level for a JDBC constant, or null for {@code TRANSACTION_NONE} and unknown values.
   *
   * @param jdbcLevel a {@code Connection.TRANSACTION_*} constant
   * @return the level for a JDBC constant, or null for {@code TRANSACTION_NONE} and unknown values
   */
  public static Isolation fromJdbc(int jdbcLevel) {
    for (Isolation isolation : values()) {
      if (isolation.jdbcLevel == jdbcLevel) {
        return isolation;
      }
    }
    return null;
  }

  /**
   * Parses {@code READ_COMMITTED}, {@code read committed}, {@code REPEATABLE-READ} and the like.
   *
   * @param text the level, in any of those spellings
   * @return the level, or null when the text names none
   */
  public static Isolation parse(String text) {
    String normalized = text.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
    return valueOf(normalized);
  }
}
