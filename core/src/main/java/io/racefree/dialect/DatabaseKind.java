package io.racefree.dialect;

/**
 * The database engines racefree knows. MariaDB and MySQL are told apart by the server version
 * string, never by the driver's product name (MySQL Connector/J calls MariaDB "MySQL").
 *
 * <p>Immutable and thread-safe.
 */
public enum DatabaseKind {
  /** PostgreSQL. */
  POSTGRESQL("PostgreSQL"),
  /** MariaDB, through MariaDB Connector/J or MySQL Connector/J (a Galera node too). */
  MARIADB("MariaDB"),
  /** MySQL. */
  MYSQL("MySQL"),
  /** SQLite, through the Xerial driver. */
  SQLITE("SQLite"),
  /** H2 2.x. */
  H2("H2");

  private final String displayName;

  DatabaseKind(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The engine's name as people write it, for messages and reports.
   *
   * @return the engine's name as people write it, for messages and reports
   */
  public String displayName() {
    return displayName;
  }

  /**
   * True for the MySQL family (MariaDB and MySQL), which share vendor error codes.
   *
   * @return true for the MySQL family (MariaDB and MySQL), which share vendor error codes
   */
  public boolean isMySqlFamily() {
    return this == MARIADB || this == MYSQL;
  }
}
