package io.racefree.lab.scenario;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that lends the library one actor's connection (whose server session the
 * lab watches for lock waits); the library's {@code close()} returns it instead of closing it.
 * Asked again while it is lent (racefree's H2 named lock creates its row on a second connection),
 * it opens a new session, as a pool would.
 *
 * <p>Thread-safe as far as the underlying connection is: one actor thread uses it.
 */
final class BorrowedConnection implements DataSource {
  /** Opens another session of the lab's database. */
  @FunctionalInterface
  interface Sessions {
    Connection open() throws SQLException;
  }

  private final Connection connection;
  private final Sessions more;
  private final AtomicBoolean lent = new AtomicBoolean();

  BorrowedConnection(Connection connection, Sessions more) {
    this.connection = connection;
    this.more = more;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (!lent.compareAndSet(false, true)) {
      return more.open();
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if ("close".equals(method.getName())) {
            lent.set(false);
            return null;
          }
          if ("isClosed".equals(method.getName())) {
            return connection.isClosed();
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // No logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The connection is already open.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
