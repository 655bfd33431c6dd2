package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.RacefreeException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binds values to statement parameters. Stateless. Not API. */
public final class Binder {
  private Binder() {}

  /**
   * A value to bind, with the SQL type of the column it goes to ({@link Types#OTHER} when not
   * known), so a NULL can be typed.
   *
   * @param typeFromContext bind a string without a type, so the server takes the type of the column
   *     it is compared with (a PostgreSQL citext column compares case-insensitively only with a
   *     citext value, not with the varchar a string is bound as)
   */
  public record Parameter(Object value, int sqlType, boolean typeFromContext) {
    public Parameter(Object value, int sqlType) {
      this(value, sqlType, false);
    }

    /**
     * A value for (or compared with) a column of {@code sqlType}: a string for a column whose type
     * the driver does not know is bound without a type where the engine then takes the column's.
     */
    public static Parameter forColumn(Object value, int sqlType, io.racefree.dialect.Dialect dialect) {
      return new Parameter(value, sqlType, sqlType == Types.OTHER && dialect.infersUntypedParameters());
    }

    public static Parameter untyped(Object value) {
      return new Parameter(value, Types.OTHER);
    }
  }

  /**
   * Binds every parameter the way {@code dialect} says. A value the driver refuses (a type it
   * cannot bind) is an {@link InvalidRequestException} raised before the statement runs, so it
   * never aborts the caller's transaction.
   */
  public static void bind(PreparedStatement statement, List<Parameter> parameters, Dialect dialect)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      try {
        bind(statement, i + 1, parameter, dialect);
      } catch (SQLException | RuntimeException refused) {
        if (statement.isClosed() || refused instanceof RacefreeException) {
          throw refused;
        }
        throw new InvalidRequestException(ErrorDetails.of("bind parameter " + (i + 1), dialect.kind()),
            "the driver cannot bind a " + parameter.value().getClass().getName() + ": " + refused.getMessage(),
            "pass a type the database stores (docs/types.md lists them per engine), converted if needed",
            refused);
      }
    }
  }

  private static void bind(PreparedStatement statement, int index, Parameter parameter, Dialect dialect)
      throws SQLException {
    Object value = parameter.value();
    if (value == null) {
      if (parameter.sqlType() == Types.OTHER) {
        statement.setObject(index, null);
      } else {
        statement.setNull(index, parameter.sqlType());
      }
    } else if (parameter.typeFromContext() && value instanceof String text) {
      statement.setObject(index, text, Types.OTHER);
    } else {
      dialect.bind(statement, index, value);
    }
  }
}
