package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Turns a driver's {@link SQLException} into the {@link RacefreeException} leaf that names what the
 * caller does next. The chain (see {@link SqlErrorClassifier}): for each exception in the cause and
 * next-exception chain, the engine's vendor-code table, then the SQLState; only then the JDBC
 * subclass. Unknown errors become an {@link UnrecognizedDatabaseException} (category {@link
 * ErrorCategory#OTHER}). Stateless and thread-safe.
 */
public final class SqlErrorTranslator {
  private SqlErrorTranslator() {}

  /**
   * Translates {@code exception}, thrown while doing {@code task} with {@code sql} on {@code
   * database}, into a racefree exception whose cause is the original.
   *
   * @param task what racefree was doing, for the message; not null
   * @param sql the statement that failed, or null; used for the message and to recognise NOWAIT
   * @param exception the driver's exception; not null
   * @param database the engine, or null when not known (then vendor codes are not used)
   * @return the translated exception, whose cause is {@code exception}
   */
  public static RacefreeException translate(
      String task, String sql, SQLException exception, DatabaseKind database) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(exception, "exception");
    Classification classification =
        SqlErrorClassifier.classify(exception, new ErrorContext(sql, database));
    SQLException source = classification.source();
    ErrorDetails details =
        new ErrorDetails(task, sql, source.getSQLState(), source.getErrorCode(), database);
    return LeafExceptions.create(classification.category(), details, source, exception);
  }

  /**
   * Translates a failure to get a connection (from {@link javax.sql.DataSource#getConnection}): a
   * pool timeout or a connection error is a {@link ConnectionUnavailableException}, since nothing
   * started; other errors (bad credentials, say) translate as {@link #translate} does.
   *
   * @param task what racefree was doing
   * @param exception the driver's exception
   * @param database the engine the error came from
   * @return the translated exception
   */
  public static RacefreeException translateGetConnection(
      String task, SQLException exception, DatabaseKind database) {
    RacefreeException translated = translate(task, null, exception, database);
    if (translated.category() != ErrorCategory.CONNECTION_LOST) {
      return translated;
    }
    String problem = exception.getMessage() == null ? "no connection could be had" : exception.getMessage();
    return new ConnectionUnavailableException(translated.details(), problem, exception);
  }

  /**
   * The category of {@code exception} on {@code database}, as {@link #translate} would choose it.
   * Without the SQL, a MariaDB or H2 NOWAIT failure reads as {@link ErrorCategory#LOCK_TIMEOUT}
   * unless the driver's message says otherwise; use {@link #categoryOf(SQLException, String,
   * DatabaseKind)} when the statement is at hand.
   *
   * @param exception the driver's exception
   * @param database the engine the error came from
   * @return the category of {@code exception} on {@code database}, as {@link #translate} would choose it
   */
  public static ErrorCategory categoryOf(SQLException exception, DatabaseKind database) {
    return categoryOf(exception, null, database);
  }

  /**
   * The category of {@code exception}, thrown by {@code sql} (may be null) on {@code database}.
   *
   * @param exception the driver's exception
   * @param sql the statement that failed, or null
   * @param database the engine the error came from
   * @return the category of {@code exception}, thrown by {@code sql} (may be null) on {@code database}
   */
  public static ErrorCategory categoryOf(
      SQLException exception, String sql, DatabaseKind database) {
    Objects.requireNonNull(exception, "exception");
    return SqlErrorClassifier.classify(exception, new ErrorContext(sql, database)).category();
  }

  /**
   * True when an error of {@code category} on {@code database} ends the whole transaction: the
   * engine rolled it back, or (PostgreSQL) rejects every further statement until a rollback, or
   * (SQLite, stale snapshot) can never write again. False when only the failed statement was undone
   * and the transaction may go on, and for categories racefree raises without a failing statement
   * ({@code NOT_FOUND}, {@code TOO_MANY_ROWS}, {@code INVALID_REQUEST}, {@code TRANSACTION_STATE},
   * {@code STALE_VERSION}).
   *
   * @param category a category from this translator
   * @param database the engine the error came from
   * @return true when an error of {@code category} on {@code database} ends the whole transaction: the engine rolled it back, or (PostgreSQL) rejects every further statement until a rollback, or (SQLite, stale snapshot) can never write again
   */
  public static boolean abortsTransaction(ErrorCategory category, DatabaseKind database) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(database, "database");
    return TransactionAbortRules.abortsTransaction(category, database);
  }
}
