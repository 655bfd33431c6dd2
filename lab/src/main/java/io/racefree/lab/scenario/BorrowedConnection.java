package io.racefree.lab.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import io.racefree.lab.db.SessionDataSource;

/**
 * A {@link javax.sql.DataSource} that lends the library one actor's connection (whose server session the
 * lab watches for lock waits); the library's {@code close()} returns it instead of closing it.
 * Asked again while it is lent (racefree's H2 named lock creates its row on a second connection),
 * it opens a new session, as a pool would.
 *
 * <p>Thread-safe as far as the underlying connection is: one actor thread uses it.
 */
final class BorrowedConnection extends SessionDataSource {
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
}
