package io.racefree.testing.db.internal;

import io.racefree.testing.Engine;
import io.racefree.testing.leak.Leak;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A non-pooled {@link DataSource} over {@link java.sql.DriverManager} that tracks every connection
 * it hands out: each close runs the leak check, and {@link #closeAll()} reports the connections
 * never closed. Thread-safe.
 */
public final class TrackedDataSource implements DataSource {
  private final String url;
  private final String user;
  private final String password;
  private final Engine engine;
  private final AtomicInteger opened = new AtomicInteger();
  private final Map<TrackedConnection, String> open = new ConcurrentHashMap<>();
  private final List<String> leaks = new CopyOnWriteArrayList<>();

  public TrackedDataSource(String url, String user, String password, Engine engine) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.engine = engine;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    Connection real = Drivers.open(url, username, secret);
    String label = "connection #" + opened.incrementAndGet() + " opened at " + OpeningSite.find();
    try {
      return TrackedConnection.wrap(real, engine, label, this);
    } catch (SQLException | RuntimeException e) {
      real.close();
      throw e;
    }
  }

  /** Aborts the connections still open and returns every leak seen, one line each. */
  public List<String> closeAll() {
    for (TrackedConnection connection : List.copyOf(open.keySet())) {
      leaked(connection.label(), new Leak(Leak.Kind.CONNECTION_NOT_CLOSED, "never closed (aborted now)"));
      connection.abandon();
      open.remove(connection);
    }
    return new ArrayList<>(leaks);
  }

  void opened(TrackedConnection connection) {
    open.put(connection, connection.label());
  }

  void closed(TrackedConnection connection) {
    open.remove(connection);
  }

  void leaked(String label, Leak leak) {
    leaks.add(label + ": " + leak);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no logging
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    throw new SQLFeatureNotSupportedException("the login timeout of DriverManager is global; not set per data source");
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
