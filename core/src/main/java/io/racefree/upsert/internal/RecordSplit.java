package io.racefree.upsert.internal;

import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.internal.RecordMapper;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record split into a lookup (the named components) and the rest (the non-null others).
 * Immutable.
 */
public record RecordSplit(Map<String, Object> lookup, Map<String, Object> rest) {

  public static RecordSplit of(Record values, String... lookupColumns) {
    if (values == null || lookupColumns == null || lookupColumns.length == 0) {
      throw new InvalidRequestException(ErrorDetails.of("getOrCreate(record)", null),
          values == null ? "the record is null" : "no lookup columns were named",
          "name the record components that identify the row", null);
    }
    Map<String, Object> columns = RecordMapper.toColumns(values);
    Map<String, Object> lookup = new LinkedHashMap<>();
    for (String name : lookupColumns) {
      String column = columnFor(values, name, columns);
      lookup.put(column, columns.get(column));
    }
    Map<String, Object> rest = new LinkedHashMap<>();
    columns.forEach((column, value) -> {
      if (!lookup.containsKey(column) && value != null) {
        rest.put(column, value);
      }
    });
    return new RecordSplit(lookup, rest);
  }

  private static String columnFor(Record values, String name, Map<String, Object> columns) {
    if (columns.containsKey(name)) {
      return name;
    }
    for (RecordComponent component : values.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return RecordMapper.columnOf(component);
      }
    }
    throw new InvalidRequestException(ErrorDetails.of("getOrCreate(record)", null),
        "record " + values.getClass().getSimpleName() + " has no component or column '" + name
            + "'; its columns are " + List.copyOf(columns.keySet()),
        "name one of the listed columns", null);
  }
}
