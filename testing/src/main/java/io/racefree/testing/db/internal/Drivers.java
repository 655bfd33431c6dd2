package io.racefree.testing.db.internal;

import io.racefree.testing.TestingSqlException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Opens connections through {@link DriverManager}, so the kit compiles without any driver. */
public final class Drivers {
  private static final Map<String, String> DRIVER_BY_PREFIX = Map.of(
      "jdbc:postgresql:", "org.postgresql:postgresql",
      "jdbc:mariadb:", "org.mariadb.jdbc:mariadb-java-client",
      "jdbc:mysql:", "com.mysql:mysql-connector-j",
      "jdbc:sqlite:", "org.xerial:sqlite-jdbc",
      "jdbc:h2:", "com.h2database:h2");

  private Drivers() {}

  /** Connects; a missing driver is reported with the dependency to add. */
  public static Connection open(String url, String user, String password) throws SQLException {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      String hint = hint(url, e);
      if (hint.isEmpty()) {
        throw e;
      }
      throw new SQLException(e.getMessage() + hint, e.getSQLState(), e.getErrorCode(), e);
    }
  }

  /** Like {@link #open} with an unchecked error naming the URL and user. */
  public static Connection connect(String url, String user, String password) {
    try {
      return open(url, user, password);
    } catch (SQLException e) {
      throw new TestingSqlException("could not connect to " + url + " as " + user, e);
    }
  }

  private static String hint(String url, SQLException e) {
    boolean noDriver = e.getMessage() != null && e.getMessage().startsWith("No suitable driver");
    return DRIVER_BY_PREFIX.entrySet().stream()
        .filter(entry -> noDriver && url.startsWith(entry.getKey()))
        .map(entry -> " (no JDBC driver: add the test dependency " + entry.getValue() + ")")
        .findFirst().orElse("");
  }
}
