package io.racefree.internal;

import io.racefree.Row;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.internal.Binder.Parameter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.StringJoiner;

/** INSERT and UPDATE by checked column names. Stateless. Not API. */
public final class Statements {
  private Statements() {}

  /** Column -> value resolved through the catalog, in the caller's order. */
  public record ColumnValues(List<String> columns, List<Parameter> parameters) {
    public static ColumnValues of(TableInfo table, Map<String, ?> values, Dialect dialect, String task) {
      if (values == null) {
        throw new InvalidRequestException(
            ErrorDetails.of(task, dialect.kind()), "the values are null", null);
      }
      List<String> columns = new ArrayList<>();
      List<Parameter> parameters = new ArrayList<>();
      for (Map.Entry<String, ?> entry : values.entrySet()) {
        ColumnInfo column = table.column(entry.getKey(), task, dialect);
        if (columns.contains(column.name())) {
          throw new InvalidRequestException(
              ErrorDetails.of(task, dialect.kind()),
              "column '" + column.name() + "' is given twice",
              null);
        }
        columns.add(column.name());
        parameters.add(Parameter.forColumn(entry.getValue(), column.sqlType(), dialect));
      }
      return new ColumnValues(List.copyOf(columns), List.copyOf(parameters));
    }

    public String quotedList(Dialect dialect) {
      StringJoiner list = new StringJoiner(", ");
      columns.forEach(column -> list.add(dialect.quote(column)));
      return list.toString();
    }

    public String placeholders() {
      return String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    }
  }

  /** {@code INSERT INTO t (a, b) VALUES (?, ?)}, or the engine's form for a row of defaults. */
  public static String insertSql(TableInfo table, ColumnValues values, Dialect dialect) {
    if (values.columns().isEmpty()) {
      return dialect.insertDefaultsSql(table.sql());
    }
    return "INSERT INTO " + table.sql() + " (" + values.quotedList(dialect) + ") VALUES ("
        + values.placeholders() + ")";
  }

  static Row insert(JdbcHandle handle, String table, Map<String, ?> values) {
    String task = "insert(" + table + ")";
    Dialect dialect = handle.dialect();
    TableInfo info = handle.table(table, task, values == null ? null : values.keySet());
    ColumnValues columns = ColumnValues.of(info, values, dialect, task);
    String sql = insertSql(info, columns, dialect);
    if (dialect.supports(Feature.INSERT_RETURNING)) {
      return handle.query(task, sql + " RETURNING *", columns.parameters()).get(0);
    }
    Map<String, Object> key = handle.run(task, sql, c -> {
      try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        Binder.bind(statement, columns.parameters(), dialect);
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
          return primaryKeyOf(info, columns, keys.next() ? keys.getObject(1) : null);
        }
      }
    });
    if (key == null) {
      return new Row(values);
    }
    return handle.get(table, key);
  }

  /** The inserted row's primary key, from the values given or the generated key; null if unknown. */
  private static Map<String, Object> primaryKeyOf(TableInfo info, ColumnValues columns, Object generated) {
    if (info.primaryKey().isEmpty()) {
      return null;
    }
    Map<String, Object> key = new LinkedHashMap<>();
    for (String column : info.primaryKey()) {
      int index = columns.columns().indexOf(column);
      if (index >= 0) {
        key.put(column, columns.parameters().get(index).value());
      } else if (generated != null && info.primaryKey().size() == 1) {
        key.put(column, generated);
      } else {
        return null;
      }
    }
    return key;
  }

  private static Set<String> columnsOf(Map<String, ?> lookup, Map<String, ?> values) {
    Set<String> columns = new HashSet<>();
    if (lookup != null) {
      columns.addAll(lookup.keySet());
    }
    if (values != null) {
      columns.addAll(values.keySet());
    }
    return columns;
  }

  static int update(JdbcHandle handle, String table, Map<String, ?> lookup, Map<String, ?> values) {
    String task = "update(" + table + ")";
    Dialect dialect = handle.dialect();
    TableInfo info = handle.table(table, task, columnsOf(lookup, values));
    LookupClause where = LookupClause.nonEmpty(info, lookup, dialect, task);
    ColumnValues set = ColumnValues.of(info, values, dialect, task);
    if (set.columns().isEmpty()) {
      throw new InvalidRequestException(
          ErrorDetails.of(task, dialect.kind()), "there is nothing to update", "pass at least one column value", null);
    }
    StringJoiner assignments = new StringJoiner(", ");
    set.columns().forEach(column -> assignments.add(dialect.quote(column) + " = ?"));
    List<Parameter> parameters = new ArrayList<>(set.parameters());
    parameters.addAll(where.parameters());
    String sql = "UPDATE " + info.sql() + " SET " + assignments + " WHERE " + where.sql();
    return handle.update(task, sql, parameters);
  }

  /** {@code ORDER BY} the primary key, or nothing for a table without one. */
  public static String orderByKey(TableInfo table, Dialect dialect) {
    if (table.primaryKey().isEmpty()) {
      return "";
    }
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
    table.primaryKey().forEach(column -> order.add(dialect.quote(column)));
    return order.toString();
  }
}
