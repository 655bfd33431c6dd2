package io.racefree.dialect;

import io.racefree.error.ErrorDetails;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.UnsupportedFeatureException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** Detects the dialect of a connection, or builds one for an explicit override. Thread-safe. */
public final class Dialects {
  private Dialects() {}

  /**
   * Detects engine and version from the connection's metadata. MariaDB is recognised from the
   * version string, because MySQL Connector/J reports it as product "MySQL" version
   * "5.5.5-10.x-MariaDB". A MariaDB node with {@code @@wsrep_on} set is a {@link GaleraDialect}.
   *
   * @param connection a connection to the database; only its metadata is read
   * @return the dialect
   */
  public static Dialect detect(Connection connection) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName();
      String versionText = meta.getDatabaseProductVersion();
      DatabaseKind kind = kindOf(product, versionText);
      ServerVersion version = ServerVersion.parse(versionText);
      if (kind == DatabaseKind.MARIADB) {
        return GaleraDetection.detect(connection, version).orElseGet(() -> of(kind, version));
      }
      return of(kind, version);
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate("detect dialect", null, e, null);
    }
  }

  static DatabaseKind kindOf(String product, String versionText) {
    String name = product.toLowerCase(Locale.ROOT);
    if (versionText.contains("MariaDB") || name.contains("mariadb")) {
      return DatabaseKind.MARIADB;
    }
    if (name.contains("mysql")) {
      return DatabaseKind.MYSQL;
    }
    if (name.contains("postgresql")) {
      return DatabaseKind.POSTGRESQL;
    }
    if (name.contains("sqlite")) {
      return DatabaseKind.SQLITE;
    }
    if (name.equals("h2")) {
      return DatabaseKind.H2;
    }
    throw new UnsupportedFeatureException(
        ErrorDetails.of("detect dialect", null),
        "unsupported database '" + product + " " + versionText + "'",
        "racefree supports PostgreSQL, MariaDB, MySQL, SQLite and H2",
        null);
  }

  /**
   * The dialect for an explicit engine and version.
   *
   * @param kind the engine
   * @param version the server's version
   * @return the dialect for an explicit engine and version
   */
  public static Dialect of(DatabaseKind kind, ServerVersion version) {
    return switch (kind) {
      case POSTGRESQL -> new PostgresDialect(version);
      case MARIADB -> new MariaDbDialect(version);
      case MYSQL -> new MySqlDialect(version);
      case SQLITE -> new SqliteDialect(version);
      case H2 -> new H2Dialect(version);
    };
  }
}
