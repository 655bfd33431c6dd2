package io.racefree.error;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * H2 error codes ({@code org.h2.api.ErrorCode}), checked before the SQLState because H2 reports a
 * lock timeout as HYT00 and both deadlocks and snapshot conflicts as 40001. Stateless and
 * thread-safe.
 *
 * @see <a href="https://h2database.com/javadoc/org/h2/api/ErrorCode.html">H2 ErrorCode</a>
 */
final class H2ErrorCodes {
  /** NULL_NOT_ALLOWED: a NOT NULL column got NULL. */
  static final int NULL_NOT_ALLOWED = 23502;

  /**
   * REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1: a referenced parent row was deleted or changed.
   */
  static final int CHILD_EXISTS = 23503;

  /** DUPLICATE_KEY_1: a unique index or primary key got a duplicate. */
  static final int DUPLICATE_KEY = 23505;

  /** REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1: a child row refers to a missing parent. */
  static final int PARENT_MISSING = 23506;

  /** CHECK_CONSTRAINT_VIOLATED_1: a CHECK constraint is false for the row. */
  static final int CHECK_CONSTRAINT_VIOLATED = 23513;

  /** CHECK_CONSTRAINT_INVALID: evaluating a CHECK constraint failed; the row was rejected. */
  static final int CHECK_CONSTRAINT_INVALID = 23514;

  /**
   * DEADLOCK_1: deadlock victim or a REPEATABLE READ write conflict; the transaction is rolled
   * back.
   */
  static final int DEADLOCK = 40001;

  /** LOCK_TIMEOUT_1: "Timeout trying to lock table", also for FOR UPDATE NOWAIT. */
  static final int LOCK_TIMEOUT = 50200;

  /** GENERAL_ERROR_1: an H2-internal failure; see {@link #ROLLING_BACK}. */
  static final int GENERAL_ERROR = 50000;

  /** FEATURE_NOT_SUPPORTED_1. */
  static final int FEATURE_NOT_SUPPORTED = 50100;

  /** STATEMENT_WAS_CANCELED: query timeout or Statement.cancel(). */
  static final int STATEMENT_WAS_CANCELED = 57014;

  /** CONNECTION_BROKEN_1: the connection to a remote H2 server broke. */
  static final int CONNECTION_BROKEN = 90067;

  /** DATABASE_IS_CLOSED: the database was closed under the connection. */
  static final int DATABASE_IS_CLOSED = 90098;

  /** DATABASE_CALLED_AT_SHUTDOWN: the session was aborted or the database shut down. */
  static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

  /** CONCURRENT_UPDATE_1: another transaction changed the row concurrently. */
  static final int CONCURRENT_UPDATE = 90131;

  /** Only a real deadlock names a victim in the MVStore cause; a snapshot conflict does not. */
  private static final String DEADLOCK_VICTIM = "deadlock victim";

  /**
   * A general error whose MVStore cause (illegal transaction state, code 103) says the transaction
   * is already rolling back ("illegally transitioned from ROLLING_BACK", "has status ROLLING_BACK,
   * not OPEN"): H2 lost a race while rolling back a conflict victim (seen about once in 25,000
   * transfers under 8 threads). Nothing of the transaction was committed.
   */
  private static final String ROLLING_BACK = "ROLLING_BACK";

  private static final String ILLEGAL_TRANSACTION_STATE = "/103]";

  /** The MVStore cause of a NOWAIT failure says it waited "0 ms". */
  private static final String NO_WAIT = "allocated time interval 0 ms";

  private static final Map<Integer, ErrorCategory> CATEGORIES =
      Map.ofEntries(
          Map.entry(NULL_NOT_ALLOWED, ErrorCategory.NOT_NULL_VIOLATION),
          Map.entry(CHILD_EXISTS, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(DUPLICATE_KEY, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(PARENT_MISSING, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(CHECK_CONSTRAINT_VIOLATED, ErrorCategory.CHECK_VIOLATION),
          Map.entry(CHECK_CONSTRAINT_INVALID, ErrorCategory.CHECK_VIOLATION),
          Map.entry(FEATURE_NOT_SUPPORTED, ErrorCategory.UNSUPPORTED_FEATURE),
          Map.entry(STATEMENT_WAS_CANCELED, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(CONNECTION_BROKEN, ErrorCategory.CONNECTION_LOST),
          Map.entry(DATABASE_IS_CLOSED, ErrorCategory.CONNECTION_LOST),
          Map.entry(DATABASE_CALLED_AT_SHUTDOWN, ErrorCategory.CONNECTION_LOST),
          Map.entry(CONCURRENT_UPDATE, ErrorCategory.SERIALIZATION_FAILURE));

  private H2ErrorCodes() {}

  static Optional<ErrorCategory> categoryOf(SQLException exception, ErrorContext context) {
    switch (exception.getErrorCode()) {
      case DEADLOCK:
        return Optional.of(
            anyMessageContains(exception, DEADLOCK_VICTIM)
                ? ErrorCategory.DEADLOCK
                : ErrorCategory.SERIALIZATION_FAILURE);
      case LOCK_TIMEOUT:
        return Optional.of(
            context.statementRequestsNoWait() || anyMessageContains(exception, NO_WAIT)
                ? ErrorCategory.LOCK_NOT_AVAILABLE
                : ErrorCategory.LOCK_TIMEOUT);
      case GENERAL_ERROR:
        return anyMessageContains(exception, ROLLING_BACK) && anyMessageContains(exception, ILLEGAL_TRANSACTION_STATE)
            ? Optional.of(ErrorCategory.TRANSACTION_ABORTED)
            : Optional.empty();
      default:
        return Optional.ofNullable(CATEGORIES.get(exception.getErrorCode()));
    }
  }

  /** Looks through the causes too: H2 keeps the MVStore detail in a non-SQL cause. */
  private static boolean anyMessageContains(Throwable exception, String text) {
    int depth = 0;
    for (Throwable t = exception; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }
}
