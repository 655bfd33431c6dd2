package io.racefree.lab.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A connection that notes the SQL it is asked to prepare and every transaction begun (autocommit
 * switched off, or SQLite's BEGIN), so a test can check the shape of a call without timing it.
 */
final class StatementLog {
  final List<String> prepared = new ArrayList<>();
  int transactionsBegun;

  Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("prepare") && args != null
              && args[0] instanceof String sql) {
            prepared.add(sql);
          }
          if ("setAutoCommit".equals(method.getName()) && Boolean.FALSE.equals(args[0])
              && connection.getAutoCommit()) {
            transactionsBegun++;
          }
          Object result = invoke(method, connection, args);
          return "createStatement".equals(method.getName()) ? watch((Statement) result) : result;
        });
  }

  /** SQLite's transactions begin with a BEGIN statement, not with autocommit off. */
  private Statement watch(Statement statement) {
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && args != null
              && args[0] instanceof String sql
              && sql.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN")) {
            transactionsBegun++;
          }
          return invoke(method, statement, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** How many prepared statements named {@code table}. */
  long on(String table) {
    return prepared.stream()
        .filter(sql -> sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*")).count();
  }

  void clear() {
    prepared.clear();
    transactionsBegun = 0;
  }
}
