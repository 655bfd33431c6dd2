package io.racefree.spring;

import io.racefree.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What another connection sees: the committed names of table {@code item}, in order. */
final class CommittedNames {
  private CommittedNames() {}

  static List<String> of(TestDatabase database) {
    try (Connection other = database.connect();
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM item ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
