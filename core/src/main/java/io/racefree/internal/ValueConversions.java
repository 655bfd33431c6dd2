package io.racefree.internal;

import io.racefree.Json;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Converts a value as a driver returned it into the Java type the caller asks for: java.time from
 * {@code java.sql} dates and SQLite's ISO-8601 text, UUIDs from text or 16 bytes, JSON from the
 * driver's own object, numbers between widths. A {@code Timestamp} (a local date-time in the JVM's
 * zone) becomes an {@code Instant} in that zone; SQLite text without an offset is UTC. Stateless.
 * Not API.
 */
public final class ValueConversions {
  private ValueConversions() {}

  /** {@code value} (not null) as {@code target} (boxed), or an InvalidRequestException naming the column. */
  public static Object convert(Object value, Class<?> target, String column) {
    if (target.isInstance(value)) {
      return value;
    }
    Object converted;
    try {
      converted = convertOrNull(value, target);
    } catch (DateTimeParseException | IllegalArgumentException | SQLException e) {
      converted = null;
    }
    if (converted == null) {
      throw new InvalidRequestException(
          ErrorDetails.of("read column " + column, null),
          "column '" + column + "' holds a " + value.getClass().getName() + " that cannot become a "
              + target.getName(),
          "read it as " + value.getClass().getSimpleName() + " or as a type docs/types.md lists for it",
          null);
    }
    return converted;
  }

  private static Object convertOrNull(Object value, Class<?> target) throws SQLException {
    if (Number.class.isAssignableFrom(target) || target == Boolean.class) {
      return number(value, target);
    } else if (target == String.class) {
      return value instanceof byte[] ? null : value.toString();
    } else if (target.isEnum()) {
      return enumValue(target, value.toString());
    } else if (target == UUID.class) {
      return uuid(value);
    } else if (target == Json.class) {
      return Json.of(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString());
    } else if (target == byte[].class) {
      return value instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : null;
    }
    return temporal(value, target);
  }

  private static Object number(Object value, Class<?> target) {
    if (value instanceof String text) {
      return target == Boolean.class ? booleanText(text) : target == BigDecimal.class ? new BigDecimal(text) : null;
    }
    if (!(value instanceof Number number)) {
      return null;
    }
    if (target == Long.class) {
      return number.longValue();
    } else if (target == Integer.class) {
      return number.intValue();
    } else if (target == Short.class) {
      return number.shortValue();
    } else if (target == Double.class) {
      return number.doubleValue();
    } else if (target == Float.class) {
      return number.floatValue();
    } else if (target == BigDecimal.class) {
      return new BigDecimal(number.toString());
    } else if (target == BigInteger.class) {
      return new BigDecimal(number.toString()).toBigIntegerExact();
    } else if (target == Boolean.class) {
      return number.intValue() != 0;
    }
    return null;
  }

  private static Boolean booleanText(String text) {
    return switch (text) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static UUID uuid(Object value) {
    if (value instanceof byte[] bytes && bytes.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return value instanceof String text ? UUID.fromString(text) : null;
  }

  private static Object temporal(Object value, Class<?> target) {
    if (target == LocalDate.class) {
      if (value instanceof java.sql.Date date) {
        return date.toLocalDate();
      }
      return value instanceof String text ? LocalDate.parse(text) : null;
    } else if (target == LocalTime.class) {
      if (value instanceof java.sql.Time time) {
        return time.toLocalTime();
      }
      return value instanceof String text ? LocalTime.parse(text) : null;
    } else if (target == LocalDateTime.class) {
      return localDateTime(value);
    } else if (target == Instant.class) {
      return instant(value);
    } else if (target == OffsetDateTime.class) {
      if (value instanceof String text && text.length() > 19 && hasOffset(text)) {
        return OffsetDateTime.parse(text.replace(' ', 'T'));
      }
      if (value instanceof String) {
        Instant instant = instant(value);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
      }
      Instant instant = instant(value);
      return instant == null ? null : instant.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
    return null;
  }

  private static LocalDateTime localDateTime(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    } else if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    } else if (value instanceof String text) {
      return LocalDateTime.parse(text.replace(' ', 'T'));
    }
    return null;
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    } else if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    } else if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    } else if (value instanceof LocalDateTime local) {
      return local.atZone(ZoneId.systemDefault()).toInstant();
    } else if (value instanceof java.sql.Date || value instanceof java.sql.Time) {
      return null;
    } else if (value instanceof java.util.Date date) {
      return date.toInstant();
    } else if (value instanceof String text) {
      String iso = text.replace(' ', 'T');
      return hasOffset(iso) ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  /** ISO text ending in Z or +hh:mm / -hh:mm after the time part. */
  private static boolean hasOffset(String text) {
    if (text.endsWith("Z")) {
      return true;
    }
    int time = text.indexOf('T') >= 0 ? text.indexOf('T') : text.indexOf(' ');
    return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class<? extends Enum>) type, name);
  }
}
