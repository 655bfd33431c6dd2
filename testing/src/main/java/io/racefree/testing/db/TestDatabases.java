package io.racefree.testing.db;

import io.racefree.testing.Engine;
import io.racefree.testing.TestingSqlException;
import io.racefree.testing.db.internal.DatabaseCleanup;
import io.racefree.testing.db.internal.Drivers;
import io.racefree.testing.db.internal.JdbcUrls;
import io.racefree.testing.db.internal.ServerEndpoint;
import io.racefree.testing.db.internal.ServerEndpoints;
import io.racefree.testing.db.internal.ServerSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes a fresh {@link TestDatabase} per call, each in its own uniquely named namespace, so tests
 * can share servers with other test runs. Servers come from the environment (see
 * {@code docs/testing-kit.md}): {@code RACEFREE_PG_URL}, {@code RACEFREE_MARIADB_URL},
 * {@code RACEFREE_MYSQL_URL} and their users and passwords; an unreachable server is replaced by an
 * embedded one, started once per JVM. Drivers are loaded by URL, so put them on the test classpath.
 *
 * <p>Thread-safe.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /**
   * A new schema {@code rf_<random>} on PostgreSQL; connections have it as search path.
   *
   * @return a new schema {@code rf_<random>} on PostgreSQL; connections have it as search path
   */
  public static TestDatabase postgres() {
    ServerEndpoint server = ServerEndpoints.postgres();
    String schema = uniqueName();
    ServerSchemas.createPostgresSchema(server, schema);
    String url = JdbcUrls.withParameter(JdbcUrls.withParameter(server.jdbcUrl(), "currentSchema", schema),
        "ApplicationName", schema);
    return new TestDatabase("postgresql", Engine.POSTGRESQL, url, server.user(), server.password(),
        ServerSchemas.postgresSchemaDrop(server, schema));
  }

  /**
   * A new database {@code rf_<random>} on MariaDB, through MariaDB Connector/J.
   *
   * @return a new database {@code rf_<random>} on MariaDB, through MariaDB Connector/J
   */
  public static TestDatabase mariadb() {
    return onMariaDb("mariadb", ServerEndpoints.mariadb());
  }

  /**
   * A new database {@code rf_<random>} on the MariaDB server, through MySQL Connector/J ({@code jdbc:mysql:}).
   *
   * @return a new database {@code rf_<random>} on the MariaDB server, through MySQL Connector/J ({@code jdbc:mysql:})
   */
  public static TestDatabase mysqlDriverOnMariadb() {
    return onMariaDb("mysql-driver", ServerEndpoints.mysqlDriverOnMariadb());
  }

  /**
   * The PostgreSQL server behind {@link #postgres()} (configured, or the embedded fallback).
   *
   * @return the PostgreSQL server behind {@link #postgres()} (configured, or the embedded fallback)
   */
  public static TestServer postgresServer() {
    return TestServer.of(ServerEndpoints.postgres());
  }

  /**
   * The MariaDB server behind {@link #mariadb()}, with a MariaDB Connector/J URL.
   *
   * @return the MariaDB server behind {@link #mariadb()}, with a MariaDB Connector/J URL
   */
  public static TestServer mariadbServer() {
    return TestServer.of(ServerEndpoints.mariadb());
  }

  /**
   * The MariaDB server behind {@link #mysqlDriverOnMariadb()}, with a MySQL Connector/J URL.
   *
   * @return the MariaDB server behind {@link #mysqlDriverOnMariadb()}, with a MySQL Connector/J URL
   */
  public static TestServer mysqlDriverServer() {
    return TestServer.of(ServerEndpoints.mysqlDriverOnMariadb());
  }

  /**
   * A new SQLite database in a temporary file (rollback journal), deleted on close.
   *
   * @return a new SQLite database in a temporary file (rollback journal), deleted on close
   */
  public static TestDatabase sqlite() {
    return sqlite(false);
  }

  /**
   * A new SQLite database in a temporary file, in WAL mode, deleted on close.
   *
   * @return a new SQLite database in a temporary file, in WAL mode, deleted on close
   */
  public static TestDatabase sqliteWal() {
    return sqlite(true);
  }

  /**
   * A new in-memory H2 database with a unique name, kept until close ({@code DB_CLOSE_DELAY=-1}).
   *
   * @return a new in-memory H2 database with a unique name, kept until close ({@code DB_CLOSE_DELAY=-1})
   */
  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
    return new TestDatabase("h2", Engine.H2, url, "sa", "", () -> runOnce(url, "sa", "SHUTDOWN"));
  }

  private static TestDatabase onMariaDb(String name, ServerEndpoint server) {
    String database = uniqueName();
    ServerSchemas.createMariaDbDatabase(server, database);
    return new TestDatabase(name, Engine.MARIADB, JdbcUrls.withDatabase(server.jdbcUrl(), database),
        server.user(), server.password(), ServerSchemas.mariaDbDatabaseDrop(server, database));
  }

  private static TestDatabase sqlite(boolean wal) {
    Path file = temporaryFile();
    String url = "jdbc:sqlite:" + file;
    if (wal) {
      try {
        runOnce(url, "", "PRAGMA journal_mode=WAL");
      } catch (SQLException e) {
        throw new TestingSqlException("could not switch " + file + " to WAL", e);
      }
    }
    DatabaseCleanup deleteFiles = () -> {
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    };
    return new TestDatabase("sqlite", Engine.SQLITE, url, "", "", deleteFiles);
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile(uniqueName(), ".sqlite");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary SQLite file", e);
    }
  }

  private static void runOnce(String url, String user, String sql) throws SQLException {
    try (Connection connection = Drivers.open(url, user, ""); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String uniqueName() {
    return "rf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }
}
