package io.racefree.upsert.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Value comparison and normalisation for lookups. Stateless and thread-safe. */
final class Values {
  private Values() {}

  /** Equal as the database would compare them: numbers by value, everything else by equals. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  /**
   * A text that two equal lookup values share, for lock names and for matching rows to lookups.
   * With {@code foldCase} strings are lower-cased and trailing spaces dropped, like the default
   * MariaDB collations compare them.
   */
  static String canonical(Object value, boolean foldCase) {
    if (value == null) {
      return "\u0000null";
    }
    if (value instanceof Number number) {
      return decimal(number).stripTrailingZeros().toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
    return foldCase ? text.toLowerCase(Locale.ROOT).stripTrailing() : text;
  }

  /** True when a value of {@code values} is a {@link Supplier}, to be called only when needed. */
  static boolean anySupplier(Map<String, Object> values) {
    return values.values().stream().anyMatch(Supplier.class::isInstance);
  }

  /** {@code values} with every supplier called once. */
  static Map<String, Object> resolved(Map<String, Object> values) {
    Map<String, Object> resolved = new java.util.LinkedHashMap<>();
    values.forEach((column, value) -> resolved.put(column, resolve(value)));
    return resolved;
  }

  static Object resolve(Object value) {
    return value instanceof Supplier<?> supplier ? supplier.get() : value;
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    return new BigDecimal(number.toString());
  }
}
