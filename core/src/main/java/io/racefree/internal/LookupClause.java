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
    StringJoiner condition = new StringJoiner(" AND ");
    List<Parameter> parameters = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (Map.Entry<String, ?> entry : lookup.entrySet()) {
      ColumnInfo column = table.column(entry.getKey(), task, dialect);
      if (columns.contains(column.name())) {
        throw new InvalidRequestException(
            ErrorDetails.of(task, dialect.kind()),
            "the lookup names column '" + column.name() + "' twice",
            null);
      }
      columns.add(column.name());
      String quoted = dialect.quote(column.name());
      if (entry.getValue() == null) {
        condition.add(quoted + " IS NULL");
      } else {
        condition.add(quoted + " = ?");
        parameters.add(new Parameter(entry.getValue(), column.sqlType()));
      }
    }
    String sql = columns.isEmpty() ? "1=1" : condition.toString();
    return new LookupClause(sql, List.copyOf(parameters), List.copyOf(columns));
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
