package io.racefree.lab.model;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four SQL isolation level names the lab accepts on its command line and writes to its
 * results.
 *
 * <p>Immutable and thread-safe.
 */
public enum Isolation {
  READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
  READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
  REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
  SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  Isolation(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /** The {@code java.sql.Connection.TRANSACTION_*} constant. */
  public int jdbcLevel() {
    return jdbcLevel;
  }

  /** Parses a level name, accepting dashes, spaces and any case ("read-committed"). */
  public static Optional<Isolation> parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(level -> level.name().equals(name)).findFirst();
  }

  /** The level for a JDBC constant, if it is one of the four. */
  public static Optional<Isolation> ofJdbc(int jdbcLevel) {
    return Arrays.stream(values()).filter(level -> level.jdbcLevel == jdbcLevel).findFirst();
  }

  /** All names, comma separated, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The same level as racefree's own {@link io.racefree.tx.Isolation}. */
  public io.racefree.tx.Isolation toCore() {
    return switch (this) {
      case READ_UNCOMMITTED -> io.racefree.tx.Isolation.READ_UNCOMMITTED;
      case READ_COMMITTED -> io.racefree.tx.Isolation.READ_COMMITTED;
      case REPEATABLE_READ -> io.racefree.tx.Isolation.REPEATABLE_READ;
      case SERIALIZABLE -> io.racefree.tx.Isolation.SERIALIZABLE;
    };
  }

  /** The lab's name for one of racefree's levels. */
  public static Isolation of(io.racefree.tx.Isolation core) {
    return switch (core) {
      case READ_UNCOMMITTED -> READ_UNCOMMITTED;
      case READ_COMMITTED -> READ_COMMITTED;
      case REPEATABLE_READ -> REPEATABLE_READ;
      case SERIALIZABLE -> SERIALIZABLE;
    };
  }

  /** A short form for narrow table columns: RU, RC, RR, SER. */
  public String shortName() {
    return switch (this) {
      case READ_UNCOMMITTED -> "RU";
      case READ_COMMITTED -> "RC";
      case REPEATABLE_READ -> "RR";
      case SERIALIZABLE -> "SER";
    };
  }
}
