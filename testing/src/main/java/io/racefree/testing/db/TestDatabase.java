package io.racefree.testing.db;

import io.racefree.testing.Engine;
import io.racefree.testing.TestingSqlException;
import io.racefree.testing.db.internal.DatabaseCleanup;
import io.racefree.testing.db.internal.TrackedDataSource;
import io.racefree.testing.leak.LeakError;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One fresh, empty database namespace for one test: a PostgreSQL schema, a MariaDB database, a
 * SQLite file or an H2 in-memory database, made by {@link TestDatabases}. Every connection it hands
 * out is leak-checked when closed; {@link #close()} drops the namespace and fails if the test leaked
 * a connection, an open transaction, a changed setting or a named lock.
 *
 * <p>Thread-safe: connections may be opened and closed from any thread.
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;
  private final Engine engine;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final TrackedDataSource dataSource;
  private final DatabaseCleanup cleanup;
  private boolean closed;

  TestDatabase(String name, Engine engine, String jdbcUrl, String user, String password, DatabaseCleanup cleanup) {
    this.name = name;
    this.engine = engine;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.dataSource = new TrackedDataSource(jdbcUrl, user, password, engine);
    this.cleanup = cleanup;
  }

  /**
   * "postgresql", "mariadb", "mysql-driver", "sqlite" or "h2": also the JUnit tag for the engine.
   *
   * @return the name, also the JUnit tag
   */
  public String name() {
    return name;
  }

  /**
   * The database server; {@link Engine#MARIADB} also for "mysql-driver".
   *
   * @return the database server; {@link Engine#MARIADB} also for "mysql-driver"
   */
  public Engine engine() {
    return engine;
  }

  /**
   * A URL that connects to this test's namespace.
   *
   * @return a URL that connects to this test's namespace
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * The user of this test's connections.
   *
   * @return the user to connect as
   */
  public String user() {
    return user;
  }

  /**
   * The password of this test's connections.
   *
   * @return the password, empty for none
   */
  public String password() {
    return password;
  }

  /**
   * A non-pooled data source whose connections are leak-checked.
   *
   * @return a non-pooled data source whose connections are leak-checked
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * A new leak-checked connection; the caller closes it.
   *
   * @return a new leak-checked connection; the caller closes it
   */
  public Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new TestingSqlException("could not connect to the " + name + " test database " + jdbcUrl, e);
    }
  }

  /**
   * Runs each statement (typically DDL) in autocommit on a connection of its own.
   *
   * @param sql statements, run in order
   */
  public void execute(String... sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        execute(statement, each);
      }
    } catch (SQLException e) {
      throw new TestingSqlException("could not close the setup connection of " + name, e);
    }
  }

  /**
   * Aborts connections still open, drops the namespace and fails if anything leaked.
   *
   * @throws LeakError listing every leak (and a failed drop)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> problems = new ArrayList<>(dataSource.closeAll());
    try {
      cleanup.drop();
    } catch (Exception e) {
      problems.add("could not drop the test database: " + e);
    }
    if (!problems.isEmpty()) {
      throw new LeakError("The test left things open in the " + name + " test database " + jdbcUrl
          + ":\n  " + String.join("\n  ", problems));
    }
  }

  private void execute(Statement statement, String sql) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new TestingSqlException("could not run on " + name + ": " + sql, e);
    }
  }

  @Override
  public String toString() {
    return name + " test database " + jdbcUrl;
  }
}
