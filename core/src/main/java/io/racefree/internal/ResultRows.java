package io.racefree.internal;

import io.racefree.Row;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads result sets into {@link Row}s. Stateless. Not API. */
public final class ResultRows {
  private ResultRows() {}

  public static List<Row> readAll(ResultSet resultSet) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    List<Row> rows = new ArrayList<>();
    while (resultSet.next()) {
      rows.add(readCurrent(resultSet, meta));
    }
    return rows;
  }

  public static Row readCurrent(ResultSet resultSet, ResultSetMetaData meta) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      values.put(meta.getColumnLabel(i), resultSet.getObject(i));
    }
    return new Row(values);
  }
}
