package io.racefree.testing.db.internal;

import io.racefree.testing.Engine;
import io.racefree.testing.leak.ConnectionBaseline;
import io.racefree.testing.leak.Leak;
import io.racefree.testing.leak.LeakCheck;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A connection proxy that runs the {@link LeakCheck} when the test closes it and reports what it
 * found to its {@link TrackedDataSource}. Thread-safe close.
 */
final class TrackedConnection implements InvocationHandler {
  private final Connection real;
  private final Engine engine;
  private final ConnectionBaseline baseline;
  private final String label;
  private final TrackedDataSource owner;
  private boolean closed;

  private TrackedConnection(Connection real, Engine engine, String label, TrackedDataSource owner)
      throws SQLException {
    this.real = real;
    this.engine = engine;
    this.baseline = ConnectionBaseline.of(real);
    this.label = label;
    this.owner = owner;
  }

  static Connection wrap(Connection real, Engine engine, String label, TrackedDataSource owner)
      throws SQLException {
    TrackedConnection handler = new TrackedConnection(real, engine, label, owner);
    owner.opened(handler);
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close":
        closeChecked();
        return null;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return label + (closed ? " (closed)" : "");
      default:
        return forward(method, args);
    }
  }

  String label() {
    return label;
  }

  /** Closes a connection the test never closed; aborting also wakes a thread blocked in a statement. */
  synchronized void abandon() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      real.abort(Runnable::run);
    } catch (SQLException | RuntimeException abortUnsupported) {
      closeRealQuietly();
    }
  }

  private synchronized void closeChecked() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!real.isClosed()) {
        List<Leak> leaks = LeakCheck.inspect(real, engine, baseline);
        leaks.forEach(leak -> owner.leaked(label, leak));
      }
    } finally {
      owner.closed(this);
      real.close();
    }
  }

  private Object forward(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void closeRealQuietly() {
    try {
      real.close();
    } catch (SQLException alreadyBroken) {
      // the connection is being thrown away
    }
  }
}
