package io.racefree.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands out {@code target}'s connections behind a proxy that shows every call and its result to an
 * observer, which may also replace the result (to observe a statement, say). Tests use it to see
 * what racefree does to a connection; the database underneath is real.
 */
public final class ObservingDataSource extends AbstractDataSource {
  /** Sees each call on a connection after it ran. */
  @FunctionalInterface
  public interface Observer {
    /** Returns what the caller gets: {@code result}, or a stand-in for it. */
    Object afterCall(Method method, Object[] args, Object result);
  }

  private final DataSource target;
  private final Observer observer;

  public ObservingDataSource(DataSource target, Observer observer) {
    this.target = target;
    this.observer = observer;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = target.getConnection();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> observer.afterCall(method, args, invoke(method, connection, args)));
  }

  /** Calls {@code method} on {@code target}, rethrowing what it threw. */
  public static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
