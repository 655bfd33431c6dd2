package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.internal.Binder.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A checked lookup rendered as a WHERE condition: every column resolved through the catalog and
 * quoted, {@code null} as {@code IS NULL}, every value bound. Immutable.
 *
 * @param sql the condition without the WHERE keyword; {@code 1=1} for an empty lookup
 * @param parameters the bound values in order
 * @param columns the resolved column names in lookup order
 */
public record LookupClause(String sql, List<Parameter> parameters, List<String> columns) {

  public static LookupClause of(
      TableInfo table, Map<String, ?> lookup, Dialect dialect, String task) {
    if (lookup == null) {
      throw new InvalidRequestException(
          ErrorDetails.of(task, dialect.kind()), "the lookup is null", "pass Map.of() for all rows", null);
    }
    Shape shape = table.lookupShape(Shape.keyOf(lookup), () -> Shape.of(table, lookup, dialect, task));
    List<Parameter> parameters = new ArrayList<>(shape.sqlTypes().length);
    int column = 0;
    for (Object value : lookup.values()) {
      if (value != null) {
        parameters.add(Parameter.forColumn(value, shape.sqlTypes()[column], dialect));
      }
      column++;
    }
    return new LookupClause(shape.sql(), parameters, shape.columns());
  }

  /**
   * What a lookup's SQL depends on, checked once per table for each combination of column names
   * and NULL positions: the resolved columns, the condition and each column's SQL type.
   */
  record Shape(String sql, List<String> columns, int[] sqlTypes) {
    static String keyOf(Map<String, ?> lookup) {
      StringBuilder key = new StringBuilder();
      lookup.forEach((column, value) -> key.append(column).append(value == null ? "\0n\1" : "\0v\1"));
      return key.toString();
    }

    static Shape of(TableInfo table, Map<String, ?> lookup, Dialect dialect, String task) {
      StringJoiner condition = new StringJoiner(" AND ");
      List<String> columns = new ArrayList<>();
      int[] sqlTypes = new int[lookup.size()];
      for (Map.Entry<String, ?> entry : lookup.entrySet()) {
        ColumnInfo column = table.column(entry.getKey(), task, dialect);
        if (columns.contains(column.name())) {
          throw new InvalidRequestException(
              ErrorDetails.of(task, dialect.kind()),
              "the lookup names column '" + column.name() + "' twice",
              null);
        }
        sqlTypes[columns.size()] = column.sqlType();
        columns.add(column.name());
        String quoted = dialect.quote(column.name());
        condition.add(entry.getValue() == null ? quoted + " IS NULL" : quoted + " = ?");
      }
      String sql = columns.isEmpty() ? "1=1" : condition.toString();
      return new Shape(sql, List.copyOf(columns), sqlTypes);
    }
  }

  /** Like {@link #of} but rejects an empty lookup, for statements that change rows. */
  public static LookupClause nonEmpty(
      TableInfo table, Map<String, ?> lookup, Dialect dialect, String task) {
    if (lookup != null && lookup.isEmpty()) {
      throw new InvalidRequestException(
          ErrorDetails.of(task, dialect.kind()),
          "the lookup is empty, which would touch every row of '" + table.name() + "'",
          "name at least one column in the lookup",
          null);
    }
    return of(table, lookup, dialect, task);
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }
}
