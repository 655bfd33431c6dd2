package io.racefree.lab.db;

import io.racefree.lab.model.Isolation;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The database engines the lab can drive, with the few per-engine SQL fragments it needs: how to
 * name a session, how to see that a session waits on a lock, and which isolation levels exist.
 *
 * <p>Immutable and thread-safe.
 */
public enum Engine {
  POSTGRESQL("PostgreSQL", EnumSet.allOf(Isolation.class)),
  MARIADB("MariaDB", EnumSet.allOf(Isolation.class)),
  MYSQL("MySQL", EnumSet.allOf(Isolation.class)),
  H2("H2", EnumSet.allOf(Isolation.class)),
  /** SQLite serialises writers; without shared cache every level behaves as SERIALIZABLE. */
  SQLITE("SQLite", EnumSet.of(Isolation.SERIALIZABLE));

  private final String displayName;
  private final Set<Isolation> isolations;

  Engine(String displayName, Set<Isolation> isolations) {
    this.displayName = displayName;
    this.isolations = isolations;
  }

  public String displayName() {
    return displayName;
  }

  public boolean offers(Isolation isolation) {
    return isolations.contains(isolation);
  }

  public List<Isolation> isolations() {
    return List.copyOf(isolations);
  }

  /** The engine a JDBC URL names, or null when the lab has no driver for it. */
  public static Engine fromUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return MARIADB;
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return MYSQL;
    }
    if (lower.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    return null;
  }

  /** MySQL Connector/J reports MariaDB as "MySQL": tell them apart by the version text. */
  public Engine refine(String productVersion) {
    return this == MYSQL && productVersion.contains("MariaDB") ? MARIADB : this;
  }

  public boolean isMySqlFamily() {
    return this == MARIADB || this == MYSQL;
  }

  /** Per-session settings so that no lock wait outlives a run; SQLite waits 200 ms then BUSY. */
  List<String> sessionSettings() {
    return switch (this) {
      case POSTGRESQL -> List.of("SET lock_timeout = '10s'");
      case MARIADB, MYSQL -> List.of("SET SESSION innodb_lock_wait_timeout = 10");
      case H2 -> List.of("SET LOCK_TIMEOUT 10000", "SET NON_KEYWORDS VALUE");
      case SQLITE -> List.of("PRAGMA busy_timeout = 200");
    };
  }
}
