package io.racefree.dialect;

import io.racefree.Json;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.UUID;

/**
 * How each engine's drivers bind the values JDBC does not bind alike everywhere: java.time,
 * {@link UUID}, {@link Json}, enums. The rules are in docs/types.md. Stateless and thread-safe.
 */
enum ValueBinding {
  /** pgjdbc binds java.time natively except {@link Instant}; JSON goes untyped so the column's type applies. */
  POSTGRESQL {
    @Override
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value instanceof Json json) {
        statement.setObject(index, json.text(), Types.OTHER);
      } else if (value instanceof Instant instant) {
        statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
      } else if (value instanceof ZonedDateTime zoned) {
        statement.setObject(index, zoned.toOffsetDateTime());
      } else {
        statement.setObject(index, common(value));
      }
    }
  },
  /**
   * Both MariaDB Connector/J and MySQL Connector/J: date-times bind as text, because MySQL
   * Connector/J drops the fraction of a second against a MariaDB server (it takes the server's
   * "5.5.5-10.x" version for a MySQL without fractional seconds). Instants become the local
   * date-time in the JVM's zone, which is what both drivers do by default.
   */
  MYSQL_FAMILY {
    @Override
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value instanceof LocalDateTime dateTime) {
        statement.setString(index, dateTime.format(DATE_TIME));
      } else if (value instanceof LocalTime time) {
        statement.setString(index, time.format(DateTimeFormatter.ISO_LOCAL_TIME));
      } else if (isInstant(value)) {
        LocalDateTime local = LocalDateTime.ofInstant(instantOf(value), ZoneId.systemDefault());
        statement.setString(index, local.format(DATE_TIME));
      } else if (value instanceof UUID uuid) {
        statement.setString(index, uuid.toString());
      } else {
        statement.setObject(index, common(value));
      }
    }
  },
  /**
   * SQLite has no date or UUID types: ISO-8601 text, instants and offset date-times in UTC (the
   * offset is not kept, so equal instants compare equal), UUIDs in their 36-character form, and
   * BigDecimal as its plain text (exact in a TEXT column; a NUMERIC-affinity column makes it a REAL).
   */
  SQLITE {
    @Override
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (isInstant(value)) {
        statement.setString(index, instantOf(value).toString());
      } else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
          || value instanceof UUID) {
        statement.setString(index, value.toString());
      } else if (value instanceof BigDecimal decimal) {
        statement.setString(index, decimal.toPlainString());
      } else {
        statement.setObject(index, common(value));
      }
    }
  },
  /** H2 binds java.time and UUID natively; JSON as UTF-8 bytes, which a JSON column parses. */
  H2 {
    @Override
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value instanceof Json json) {
        statement.setBytes(index, json.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        statement.setObject(index, common(value));
      }
    }
  };

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter();

  /** Binds {@code value}, never null, at {@code index}. */
  abstract void bind(PreparedStatement statement, int index, Object value) throws SQLException;

  /**
   * What every engine binds alike. A value of a type no engine stores as such is refused here: the
   * MySQL-family drivers would serialise it into bytes and SQLite's would store its toString().
   */
  static Object common(Object value) {
    if (!bindable(value)) {
      throw new InvalidRequestException(ErrorDetails.of("bind a value", null),
          "the driver cannot bind a " + value.getClass().getName(),
          "pass a type the database stores (docs/types.md lists them per engine), converted if needed",
          null);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    } else if (value instanceof Character character) {
      return character.toString();
    } else if (value instanceof Json json) {
      return json.text();
    }
    return value;
  }

  private static boolean bindable(Object value) {
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Enum<?> || value instanceof byte[]
        || value instanceof Json || value instanceof UUID || value instanceof java.time.temporal.Temporal
        || value instanceof java.util.Date || value instanceof java.sql.Blob || value instanceof java.sql.Clob
        || value instanceof java.sql.Array || value instanceof java.sql.SQLData || value instanceof java.sql.Struct) {
      return true;
    }
    String type = value.getClass().getName();
    return type.startsWith("org.postgresql.") || type.startsWith("org.mariadb.") || type.startsWith("com.mysql.")
        || type.startsWith("org.h2.") || type.startsWith("org.sqlite.");
  }

  /** A point on the time line: Instant, OffsetDateTime, ZonedDateTime. */
  private static boolean isInstant(Object value) {
    return value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime;
  }

  private static Instant instantOf(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    } else if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    return (Instant) value;
  }
}
