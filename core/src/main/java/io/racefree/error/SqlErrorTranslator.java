package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.sql.SQLException;

/**
 * Turns a driver's {@link SQLException} into the {@link RacefreeException} leaf that names what the
 * caller does next. Stateless and thread-safe.
 */
public final class SqlErrorTranslator {
  private SqlErrorTranslator() {}

  /**
   * Translates {@code exception}, thrown while doing {@code task} with {@code sql} on {@code
   * database}, into a racefree exception whose cause is the original.
   */
  public static RacefreeException translate(
      String task, String sql, SQLException exception, DatabaseKind database) {
    ErrorDetails details =
        new ErrorDetails(task, sql, exception.getSQLState(), exception.getErrorCode(), database);
    return new RacefreeException(
        ErrorCategory.OTHER, details, String.valueOf(exception.getMessage()), null, exception);
  }
}
