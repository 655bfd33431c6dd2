package io.racefree.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database server (not the driver) behind a connection. MariaDB reached through MySQL
 * Connector/J is {@link #MARIADB}: it reports the product name "MySQL" and a version containing
 * "MariaDB". Immutable and thread-safe.
 */
public enum Engine {
  /** PostgreSQL. */
  POSTGRESQL,
  /** MariaDB, through either driver. */
  MARIADB,
  /** MySQL. */
  MYSQL,
  /** SQLite. */
  SQLITE,
  /** H2. */
  H2;

  /**
   * Detects the engine from the connection's metadata.
   *
   * @throws IllegalArgumentException for a database the kit does not know
   * @param connection a connection to the database; only its metadata is read
   * @return the engine
   */
  public static Engine of(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      return fromProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    } catch (SQLException e) {
      throw new TestingSqlException("could not read the database product from the connection metadata", e);
    }
  }

  static Engine fromProduct(String productName, String productVersion) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || (productVersion != null && productVersion.contains("MariaDB"))) {
      return MARIADB;
    }
    if (name.contains("mysql")) {
      return MYSQL;
    }
    if (name.contains("sqlite")) {
      return SQLITE;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "unsupported database '" + productName + "' (" + productVersion + "); the kit knows PostgreSQL,"
            + " MariaDB, MySQL, SQLite and H2");
  }
}
