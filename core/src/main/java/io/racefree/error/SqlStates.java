package io.racefree.error;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * SQLStates: the standard classes plus PostgreSQL's own codes. PostgreSQL is classified by these
 * alone (pgjdbc reports vendor code 0). Exact states are tried before their two-character class.
 * Stateless and thread-safe.
 *
 * @see <a href="https://www.postgresql.org/docs/current/errcodes-appendix.html">PostgreSQL error
 *     codes</a>
 */
final class SqlStates {
  /** unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** foreign_key_violation. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  /** not_null_violation. */
  static final String NOT_NULL_VIOLATION = "23502";

  /** check_violation. */
  static final String CHECK_VIOLATION = "23514";

  /** serialization_failure: re-run the whole transaction. */
  static final String SERIALIZATION_FAILURE = "40001";

  /** deadlock_detected (PostgreSQL). */
  static final String DEADLOCK_DETECTED = "40P01";

  /** lock_not_available (PostgreSQL): NOWAIT, or lock_timeout (told apart by the message). */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  /** query_canceled (PostgreSQL): statement_timeout or a cancel request. */
  static final String QUERY_CANCELED = "57014";

  /** admin_shutdown (PostgreSQL): pg_terminate_backend or server shutdown. */
  static final String ADMIN_SHUTDOWN = "57P01";

  /** crash_shutdown (PostgreSQL). */
  static final String CRASH_SHUTDOWN = "57P02";

  /** cannot_connect_now (PostgreSQL): server starting up or shutting down. */
  static final String CANNOT_CONNECT_NOW = "57P03";

  /** idle_session_timeout (PostgreSQL 14+): the server closed the session. */
  static final String IDLE_SESSION_TIMEOUT = "57P05";

  /** idle_in_transaction_session_timeout (PostgreSQL): the server closed the session. */
  static final String IDLE_IN_TRANSACTION_TIMEOUT = "25P03";

  /** in_failed_sql_transaction (PostgreSQL): an earlier statement failed; only ROLLBACK works. */
  static final String IN_FAILED_TRANSACTION = "25P02";

  /** ODBC "timeout expired". */
  static final String TIMEOUT_EXPIRED = "HYT00";

  /** MariaDB "query execution was interrupted" (max_statement_time, KILL QUERY). */
  static final String QUERY_INTERRUPTED = "70100";

  /** The lock_timeout flavour of 55P03: "canceling statement due to lock timeout". */
  private static final String LOCK_TIMEOUT_MESSAGE = "lock timeout";

  private static final Map<String, ErrorCategory> EXACT =
      Map.ofEntries(
          Map.entry(UNIQUE_VIOLATION, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(FOREIGN_KEY_VIOLATION, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(NOT_NULL_VIOLATION, ErrorCategory.NOT_NULL_VIOLATION),
          Map.entry(CHECK_VIOLATION, ErrorCategory.CHECK_VIOLATION),
          Map.entry(SERIALIZATION_FAILURE, ErrorCategory.SERIALIZATION_FAILURE),
          Map.entry(DEADLOCK_DETECTED, ErrorCategory.DEADLOCK),
          Map.entry(QUERY_CANCELED, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(ADMIN_SHUTDOWN, ErrorCategory.CONNECTION_LOST),
          Map.entry(CRASH_SHUTDOWN, ErrorCategory.CONNECTION_LOST),
          Map.entry(CANNOT_CONNECT_NOW, ErrorCategory.CONNECTION_LOST),
          Map.entry(IDLE_SESSION_TIMEOUT, ErrorCategory.CONNECTION_LOST),
          Map.entry(IDLE_IN_TRANSACTION_TIMEOUT, ErrorCategory.CONNECTION_LOST),
          Map.entry(IN_FAILED_TRANSACTION, ErrorCategory.TRANSACTION_ABORTED),
          Map.entry(TIMEOUT_EXPIRED, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(QUERY_INTERRUPTED, ErrorCategory.QUERY_TIMEOUT));

  /**
   * Standard classes: connection exception, integrity constraint, rollback, feature not supported.
   */
  private static final Map<String, ErrorCategory> CLASSES =
      Map.of(
          "08", ErrorCategory.CONNECTION_LOST,
          "23", ErrorCategory.CONSTRAINT_VIOLATION,
          "40", ErrorCategory.TRANSACTION_ABORTED,
          "0A", ErrorCategory.UNSUPPORTED_FEATURE);

  private SqlStates() {}

  static Optional<ErrorCategory> categoryOf(SQLException exception) {
    String state = exception.getSQLState();
    if (state == null || state.length() != 5) {
      return Optional.empty();
    }
    if (state.equals(LOCK_NOT_AVAILABLE)) {
      return Optional.of(lockNotAvailableOrTimeout(exception.getMessage()));
    }
    ErrorCategory exact = EXACT.get(state);
    return exact != null
        ? Optional.of(exact)
        : Optional.ofNullable(CLASSES.get(state.substring(0, 2)));
  }

  private static ErrorCategory lockNotAvailableOrTimeout(String message) {
    return message != null && message.contains(LOCK_TIMEOUT_MESSAGE)
        ? ErrorCategory.LOCK_TIMEOUT
        : ErrorCategory.LOCK_NOT_AVAILABLE;
  }
}
