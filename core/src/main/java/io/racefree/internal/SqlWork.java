package io.racefree.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC work on a connection, run by {@link JdbcHandle#run}. Not API. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
