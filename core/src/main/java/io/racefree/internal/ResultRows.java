package io.racefree.internal;

import io.racefree.Row;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
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
      values.put(meta.getColumnLabel(i), value(resultSet, meta, i));
    }
    return new Row(values);
  }

  /**
   * The driver's value, except TIME columns: a {@code java.sql.Time} drops the fraction of a
   * second, so they are read as {@link LocalTime} where the driver can.
   */
  private static Object value(ResultSet resultSet, ResultSetMetaData meta, int column) throws SQLException {
    if (meta.getColumnType(column) == Types.TIME) {
      try {
        return resultSet.getObject(column, LocalTime.class);
      } catch (SQLException | RuntimeException unsupported) {
        return resultSet.getObject(column);
      }
    }
    return resultSet.getObject(column);
  }
}
