package io.racefree.internal;

import io.racefree.Column;
import io.racefree.Row;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between rows and Java records. Stateless and thread-safe. Not API. */
public final class RecordMapper {
  private RecordMapper() {}

  /** {@code accountId} -> {@code account_id}; {@code URLPath} -> {@code url_path}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
        boolean beforeLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (i > 0 && (afterLower || beforeLower)) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The column name of a record component. */
  public static String columnOf(RecordComponent component) {
    Column column = component.getAnnotation(Column.class);
    return column != null ? column.value() : snakeCase(component.getName());
  }

  /** Column -> value for every component of {@code record}, in declaration order. */
  public static Map<String, Object> toColumns(Record record) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        columns.put(columnOf(component), component.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read record component " + component, e);
      }
    }
    return columns;
  }

  public static <R extends Record> R toRecord(Row row, Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      String column = columnOf(components[i]);
      if (!row.containsKey(column)) {
        throw new InvalidRequestException(
            ErrorDetails.of("map row to " + type.getSimpleName(), null),
            "record component '" + components[i].getName() + "' needs column '" + column
                + "', but the row has " + row.keySet(),
            "name the column with @Column, or select it",
            null);
      }
      types[i] = components[i].getType();
      arguments[i] = convert(row.get(column), types[i], column);
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct record " + type.getName(), e);
    }
  }

  private static Object convert(Object value, Class<?> target, String column) {
    if (value == null) {
      if (target.isPrimitive()) {
        throw new InvalidRequestException(
            ErrorDetails.of("map row", null),
            "column '" + column + "' is NULL but the record component is a " + target.getName(),
            "use a wrapper type such as Long or Integer",
            null);
      }
      return null;
    }
    return ValueConversions.convert(value, box(target), column);
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == long.class) {
      return Long.class;
    } else if (type == int.class) {
      return Integer.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == float.class) {
      return Float.class;
    } else if (type == short.class) {
      return Short.class;
    }
    return type;
  }
}
