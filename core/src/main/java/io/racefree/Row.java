package io.racefree;

import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.internal.RecordMapper;
import io.racefree.internal.ValueConversions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
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

  /**
   * A row of the given column values, in their order; names are looked up ignoring case.
   *
   * @param columns column name to value (null values allowed)
   */
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

  /**
   * The column's value as {@code type}, or null for SQL NULL. Besides the driver's own type, it
   * converts what docs/types.md lists: java.time from {@code java.sql} dates and SQLite's ISO-8601
   * text, {@code UUID} from text, {@link Json} from a JSON column, numbers between widths, enums
   * from their name. An unknown column or a value that cannot become {@code type} is an
   * {@link InvalidRequestException} naming the column.
   *
   * @param <T> the Java type wanted
   * @param column the column's name as the query returned it (case-insensitive)
   * @param type the Java type wanted
   * @return the value as {@code type}, or null for SQL NULL
   */
  public <T> T get(String column, Class<T> type) {
    Object value = require(column);
    if (value == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T converted = (T) ValueConversions.convert(value, boxed(type), actualName(column));
    return converted;
  }

  /**
   * The column's value as a long, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a long, or null
   */
  public Long getLong(String column) {
    return get(column, Long.class);
  }

  /**
   * The column's value as an int, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as an int, or null
   */
  public Integer getInt(String column) {
    return get(column, Integer.class);
  }

  /**
   * The column's value as a string ({@code toString()} of what the driver returned), or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a string ({@code toString()} of what the driver returned), or null
   */
  public String getString(String column) {
    return get(column, String.class);
  }

  /**
   * The column's value as a boolean (numbers: non-zero is true), or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a boolean (numbers: non-zero is true), or null
   */
  public Boolean getBoolean(String column) {
    return get(column, Boolean.class);
  }

  /**
   * The column's value as a double, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a double, or null
   */
  public Double getDouble(String column) {
    return get(column, Double.class);
  }

  /**
   * The column's value as a BigDecimal (exact, from the driver's number or SQLite's text), or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a BigDecimal (exact, from the driver's number or SQLite's text), or null
   */
  public BigDecimal getBigDecimal(String column) {
    return get(column, BigDecimal.class);
  }

  /**
   * The column's bytes, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's bytes, or null
   */
  public byte[] getBytes(String column) {
    return get(column, byte[].class);
  }

  /**
   * The column's value as a UUID (a uuid column, or its 36-character text), or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a UUID (a uuid column, or its 36-character text), or null
   */
  public UUID getUuid(String column) {
    return get(column, UUID.class);
  }

  /**
   * The column's value as a LocalDate, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a LocalDate, or null
   */
  public LocalDate getLocalDate(String column) {
    return get(column, LocalDate.class);
  }

  /**
   * The column's value as a LocalTime, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a LocalTime, or null
   */
  public LocalTime getLocalTime(String column) {
    return get(column, LocalTime.class);
  }

  /**
   * The column's value as a LocalDateTime, or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as a LocalDateTime, or null
   */
  public LocalDateTime getLocalDateTime(String column) {
    return get(column, LocalDateTime.class);
  }

  /**
   * The column's value as an Instant, or null. A date-time without an offset is read in the JVM's
   * zone (as the driver returned it), except SQLite's text, which is UTC.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as an Instant, or null
   */
  public Instant getInstant(String column) {
    return get(column, Instant.class);
  }

  /**
   * The column's value as an OffsetDateTime (the JVM's offset where the column keeps none), or null.
   *
   * @param column the column's name as the query returned it (case-insensitive)
   * @return the column's value as an OffsetDateTime (the JVM's offset where the column keeps none), or null
   */
  public OffsetDateTime getOffsetDateTime(String column) {
    return get(column, OffsetDateTime.class);
  }

  private Object require(String column) {
    if (column == null || !containsKey(column)) {
      throw new InvalidRequestException(
          ErrorDetails.of("read column " + column, null),
          "the row has no column '" + column + "'; its columns are " + values.keySet(),
          "use one of the listed names, or select the column",
          null);
    }
    return get(column);
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
  }

  /**
   * Maps this row onto a record: each component reads the column of its snake_case name (
   * {@code accountId} reads {@code account_id}) unless annotated with {@link Column}.
   *
   * @param <R> the record type
   * @param recordType the record class; its components name the columns
   * @return a new record holding this row's values
   */
  public <R extends Record> R as(Class<R> recordType) {
    return RecordMapper.toRecord(this, recordType);
  }
}
