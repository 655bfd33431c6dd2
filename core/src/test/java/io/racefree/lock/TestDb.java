package io.racefree.lock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, uniquely named schema (PostgreSQL), database (MariaDB), file (SQLite) or in-memory
 * database (H2) behind a HikariCP pool, dropped on close. A private fixture until the testing kit's
 * TestDatabases lands. Thread-safe for the pool; raw connections belong to their caller.
 */
final class TestDb implements AutoCloseable {
  static final int POOL_SIZE = 10;

  private final DatabaseKind kind;
  private final String url;
  private final String user;
  private final String password;
  private final Properties properties;
  private final Runnable drop;
  private final HikariDataSource pool;
  private final Database database;

  private TestDb(DatabaseKind kind, String url, String user, String password, Properties properties, Runnable drop) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.properties = properties;
    this.drop = drop;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setDataSourceProperties(properties);
    config.setPoolName("locks-" + kind.name().toLowerCase(Locale.ROOT));
    this.pool = new HikariDataSource(config);
    this.database = Database.of(pool);
  }

  static TestDb create(DatabaseKind kind) {
    String name = "rf_locks_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    return switch (kind) {
      case POSTGRESQL -> postgres(name);
      case MARIADB -> mariadb(name);
      case SQLITE -> sqlite(name);
      case H2 -> h2(name);
      case MYSQL -> throw new IllegalArgumentException("MySQL is not tested here");
    };
  }

  private static TestDb postgres(String schema) {
    String base = env("RACEFREE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("RACEFREE_PG_USER", "postgres");
    String password = env("RACEFREE_PG_PASSWORD", "");
    admin(base, user, password, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDb(DatabaseKind.POSTGRESQL, url, user, password, new Properties(),
        () -> admin(base, user, password, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static TestDb mariadb(String database) {
    String base = env("RACEFREE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    String user = env("RACEFREE_MARIADB_USER", "root");
    String password = env("RACEFREE_MARIADB_PASSWORD", "");
    admin(base, user, password, "CREATE DATABASE " + database);
    String url = base.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    return new TestDb(DatabaseKind.MARIADB, url, user, password, new Properties(),
        () -> admin(base, user, password, "DROP DATABASE " + database));
  }

  private static TestDb sqlite(String name) {
    try {
      Path file = Files.createTempFile(name, ".db");
      Properties properties = new Properties();
      properties.setProperty("busy_timeout", "20000");
      properties.setProperty("journal_mode", "WAL");
      return new TestDb(DatabaseKind.SQLITE, "jdbc:sqlite:" + file, null, null, properties, () -> {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          try {
            Files.deleteIfExists(Path.of(file + suffix));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestDb h2(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    return new TestDb(DatabaseKind.H2, url, "sa", "", new Properties(), () -> admin(url, "sa", "", "SHUTDOWN"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static void admin(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("admin statement failed: " + sql, e);
    }
  }

  DatabaseKind kind() {
    return kind;
  }

  Database database() {
    return database;
  }

  HikariDataSource pool() {
    return pool;
  }

  /** A connection outside the pool, for observing or competing; the caller closes it. */
  Connection rawConnection() {
    try {
      Properties all = new Properties();
      all.putAll(properties);
      if (user != null) {
        all.setProperty("user", user);
        all.setProperty("password", password);
      }
      return DriverManager.getConnection(url, all);
    } catch (SQLException e) {
      throw new IllegalStateException("could not connect to " + url, e);
    }
  }

  /** A second racefree Database on an unpooled data source with its own connection settings. */
  String url() {
    return url;
  }

  /** Runs DDL or setup statements on a raw auto-commit connection, then refreshes the catalog. */
  void execute(String... statements) {
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("setup failed: " + e.getMessage(), e);
    }
    database.refreshCatalog();
  }

  @Override
  public void close() {
    pool.close();
    drop.run();
  }
}
