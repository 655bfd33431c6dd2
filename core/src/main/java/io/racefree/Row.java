package io.racefree;

import io.racefree.internal.RecordMapper;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row as read from the database: column name to value, in the order the database returned the
 * columns. Lookups by column name ignore case, so {@code row.get("name")} works on H2, which reports
 * {@code NAME}.
 *
 * <p>Immutable (the values themselves are what the driver returned) and thread-safe.
 */
public final class Row extends AbstractMap<String, Object> {
  private final Map<String, Object> values;
  private final Map<String, String> namesByLowerCase;

  public Row(Map<String, ?> columns) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(columns);
    LinkedHashMap<String, String> names = new LinkedHashMap<>();
    for (String name : copy.keySet()) {
      names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
    this.values = Collections.unmodifiableMap(copy);
    this.namesByLowerCase = names;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return values.entrySet();
  }

  @Override
  public boolean containsKey(Object column) {
    return column instanceof String name && actualName(name) != null;
  }

  @Override
  public Object get(Object column) {
    if (!(column instanceof String name)) {
      return null;
    }
    String actual = actualName(name);
    return actual == null ? null : values.get(actual);
  }

  private String actualName(String name) {
    return values.containsKey(name) ? name : namesByLowerCase.get(name.toLowerCase(Locale.ROOT));
  }

  /** The column's value as a long, or null. Fails clearly if the column does not exist. */
  public Long getLong(String column) {
    Object value = require(column);
    return value == null ? null : ((Number) value).longValue();
  }

  /** The column's value as an int, or null. */
  public Integer getInt(String column) {
    Object value = require(column);
    return value == null ? null : ((Number) value).intValue();
  }

  /** The column's value as a string, or null. */
  public String getString(String column) {
    Object value = require(column);
    return value == null ? null : value.toString();
  }

  private Object require(String column) {
    if (!containsKey(column)) {
      throw new IllegalArgumentException(
          "row has no column '" + column + "'; it has " + values.keySet());
    }
    return get(column);
  }

  /**
   * Maps this row onto a record: each component reads the column of its snake_case name (
   * {@code accountId} reads {@code account_id}) unless annotated with {@link Column}.
   */
  public <R extends Record> R as(Class<R> recordType) {
    return RecordMapper.toRecord(this, recordType);
  }
}
