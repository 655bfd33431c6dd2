package io.racefree.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The plain statements the hand-written baselines are built of, on the {@code item} table. */
final class ItemSql {
  private ItemSql() {}

  /** The id of the row with key {@code key}, or -1; {@code suffix} e.g. " FOR UPDATE". */
  static long find(Connection connection, String key, String suffix) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id, k, v FROM item WHERE k = ?" + suffix)) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    }
  }

  /** Inserts the row and returns its generated id. */
  static long insert(Connection connection, String key, int value) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (k, v) VALUES (?, ?)",
        new String[] {"id"})) {
      insert.setString(1, key);
      insert.setInt(2, value);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : -1;
      }
    }
  }

  static int setValue(Connection connection, long id, int value) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE item SET v = ? WHERE id = ?")) {
      update.setInt(1, value);
      update.setLong(2, id);
      return update.executeUpdate();
    }
  }

  /** Runs a statement that returns the row (a native upsert); its id. */
  static long upsert(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        upsert.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = upsert.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("the upsert returned no row");
        }
        return rows.getLong(1);
      }
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
