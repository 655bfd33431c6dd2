package io.racefree.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out one shared connection whose close() only counts, and counts every statement prepared or
 * created on it: tests use it to see the connection's state after a callback and to prove that bad
 * input ran no SQL.
 */
public final class CountingDataSource extends AbstractDataSource {
  private final Connection connection;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger borrowed = new AtomicInteger();
  private final AtomicInteger transactionsBegun = new AtomicInteger();
  private final java.util.List<String> sql = new java.util.concurrent.CopyOnWriteArrayList<>();

  public CountingDataSource(Connection connection) {
    this.connection = connection;
  }

  public Connection physical() {
    return connection;
  }

  public int statements() {
    return statements.get();
  }

  /** The SQL of every statement prepared so far ("(statement)" for a plain Statement). */
  public java.util.List<String> sql() {
    return java.util.List.copyOf(sql);
  }

  /** Calls of setAutoCommit(false): transactions begun through JDBC. */
  public int transactionsBegun() {
    return transactionsBegun.get();
  }

  /** Connections handed out and not yet closed. */
  public int borrowed() {
    return borrowed.get();
  }

  @Override
  public Connection getConnection() {
    borrowed.incrementAndGet();
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("close")) {
        borrowed.decrementAndGet();
        return null;
      }
      if (name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
        transactionsBegun.incrementAndGet();
      }
      if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
        statements.incrementAndGet();
        sql.add(args != null && args.length > 0 && args[0] instanceof String text ? text : "(statement)");
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }
}
