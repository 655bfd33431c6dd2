package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which database errors end the whole transaction, per engine. Stateless and thread-safe.
 *
 * <ul>
 *   <li>PostgreSQL: every error aborts the transaction; later statements get 25P02 until ROLLBACK
 *       (or ROLLBACK TO a savepoint taken before the failed statement).
 *   <li>MariaDB/MySQL: a deadlock (1213) and a snapshot conflict (1020) roll back the transaction;
 *       a lock wait timeout (1205, also NOWAIT), a statement timeout and constraint violations roll
 *       back the statement only ({@code innodb_rollback_on_timeout=OFF}, the default).
 *   <li>H2: deadlocks and snapshot conflicts (40001) roll back the transaction; the rest only the
 *       statement.
 *   <li>SQLite: a stale WAL snapshot (SQLITE_BUSY_SNAPSHOT) leaves the transaction open, but it can
 *       never write again, so it counts as aborted; the rest only end the statement.
 * </ul>
 *
 * A lost connection and an already aborted transaction count as aborted everywhere.
 */
final class TransactionAbortRules {
  /** Raised by racefree itself before or without a failing statement. */
  private static final Set<ErrorCategory> NOT_FROM_DATABASE =
      EnumSet.of(
          ErrorCategory.NOT_FOUND,
          ErrorCategory.TOO_MANY_ROWS,
          ErrorCategory.INVALID_REQUEST,
          ErrorCategory.TRANSACTION_STATE,
          ErrorCategory.STALE_VERSION);

  private static final Set<ErrorCategory> ALWAYS_ABORTING =
      EnumSet.of(ErrorCategory.CONNECTION_LOST, ErrorCategory.TRANSACTION_ABORTED);

  private static final Set<ErrorCategory> ROLLED_BACK_BY_ENGINE =
      EnumSet.of(ErrorCategory.DEADLOCK, ErrorCategory.SERIALIZATION_FAILURE);

  private TransactionAbortRules() {}

  static boolean abortsTransaction(ErrorCategory category, DatabaseKind database) {
    if (NOT_FROM_DATABASE.contains(category)) {
      return false;
    }
    if (ALWAYS_ABORTING.contains(category)) {
      return true;
    }
    switch (database) {
      case POSTGRESQL:
        return true;
      case SQLITE:
        return category == ErrorCategory.SERIALIZATION_FAILURE;
      default:
        return ROLLED_BACK_BY_ENGINE.contains(category);
    }
  }
}
