package io.racefree.upsert;

import io.racefree.tx.Isolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Django 1.x get_or_create on raw JDBC, to show what racefree fixes: get; on a miss, insert in
 * a savepoint; on an integrity error roll back to it and get again; if that misses too, re-raise.
 * Not thread-safe (one instance per actor). {@link #close} restores and closes the connection.
 */
final class NaiveDjango implements AutoCloseable {
  /** What the naive code ended with. */
  enum Outcome { FOUND, CREATED, NOT_FOUND_AFTER_DUPLICATE, OTHER_ERROR }

  private final Connection connection;
  private final int originalIsolation;
  private final String select;
  private final String insert;
  private final List<Object> values = new ArrayList<>();

  NaiveDjango(Connection connection, String table, Map<String, Object> lookup, Isolation isolation)
      throws SQLException {
    this.connection = connection;
    this.originalIsolation = connection.getTransactionIsolation();
    List<String> conditions = new ArrayList<>();
    lookup.forEach((column, value) -> {
      conditions.add(value == null ? column + " IS NULL" : column + " = ?");
      if (value != null) {
        values.add(value);
      }
    });
    this.select = "SELECT * FROM " + table + " WHERE " + String.join(" AND ", conditions);
    this.insert = "INSERT INTO " + table + " (" + String.join(", ", lookup.keySet()) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(lookup.size(), "?")) + ")";
    if (isolation != null && !connection.getMetaData().getURL().startsWith("jdbc:sqlite")) {
      connection.setTransactionIsolation(isolation.jdbcLevel());
    }
    connection.setAutoCommit(false);
    insertValues = new ArrayList<>(lookup.values());
  }

  private final List<Object> insertValues;

  /** The row's columns a and b when found (or just presence), else null. */
  Map<String, Object> get() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, Object> row = new java.util.HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        }
        return row;
      }
    }
  }

  /** get, create in a savepoint, catch, get. */
  Outcome getOrCreate() {
    try {
      if (get() != null) {
        return Outcome.FOUND;
      }
      return createOrGet();
    } catch (SQLException e) {
      return Outcome.OTHER_ERROR;
    }
  }

  /** The second half: create in a savepoint, catch, get. */
  Outcome createOrGet() {
    try {
      Savepoint savepoint = connection.setSavepoint();
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        for (int i = 0; i < insertValues.size(); i++) {
          statement.setObject(i + 1, insertValues.get(i));
        }
        statement.executeUpdate();
        return Outcome.CREATED;
      } catch (SQLException integrityError) {
        connection.rollback(savepoint);
        return get() != null ? Outcome.FOUND : Outcome.NOT_FOUND_AFTER_DUPLICATE;
      }
    } catch (SQLException e) {
      return Outcome.OTHER_ERROR;
    }
  }

  Connection connection() {
    return connection;
  }

  void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // already ended (deadlock victim)
    }
    connection.setAutoCommit(true);
    connection.setTransactionIsolation(originalIsolation);
    connection.close();
  }
}
