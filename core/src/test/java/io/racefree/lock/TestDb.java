package io.racefree.lock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * A fresh, uniquely named schema (PostgreSQL), database (MariaDB), file (SQLite) or in-memory
 * database (H2) from the testing kit's {@link TestDatabases}, behind a HikariCP pool, dropped on
 * close. Thread-safe for the pool; raw connections belong to their caller.
 */
final class TestDb implements AutoCloseable {
  static final int POOL_SIZE = 10;

  private final DatabaseKind kind;
  private final String url;
  private final String user;
  private final String password;
  private final Properties properties;
  private final TestDatabase namespace;
  private final HikariDataSource pool;
  private final Database database;

  private TestDb(DatabaseKind kind, TestDatabase namespace, String urlSuffix, Properties properties) {
    this.kind = kind;
    this.namespace = namespace;
    this.url = namespace.jdbcUrl() + urlSuffix;
    this.user = namespace.user();
    this.password = namespace.password();
    this.properties = properties;
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

  /** A fresh namespace from the testing kit (which falls back to embedded servers) behind a pool. */
  static TestDb create(DatabaseKind kind) {
    Properties properties = new Properties();
    return switch (kind) {
      case POSTGRESQL -> new TestDb(kind, TestDatabases.postgres(), "", properties);
      case MARIADB -> new TestDb(kind, TestDatabases.mariadb(), "", properties);
      case SQLITE -> {
        properties.setProperty("busy_timeout", "20000");
        yield new TestDb(kind, TestDatabases.sqliteWal(), "", properties);
      }
      case H2 -> new TestDb(kind, TestDatabases.h2(), ";LOCK_TIMEOUT=10000", properties);
      case MYSQL -> throw new IllegalArgumentException("MySQL is not tested here");
    };
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
    namespace.close();
  }
}
