package io.racefree.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.error.RacefreeException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one outermost transaction knows about itself across its nested levels: whether the database
 * rolled it back (a deadlock or serialization failure on MariaDB, MySQL, H2 and SQLite, or a lost
 * connection anywhere), and the after-commit hooks. Not thread-safe. Not API.
 */
final class TransactionState {
  private RacefreeException killedBy;
  private final List<Runnable> commitHooks = new ArrayList<>();
  private final List<CompletionHook> completionHooks = new ArrayList<>();

  RacefreeException killedBy() {
    return killedBy;
  }

  void killedBy(RacefreeException failure) {
    if (killedBy == null) {
      killedBy = failure;
    }
  }

  List<Runnable> commitHooks() {
    return commitHooks;
  }

  List<CompletionHook> completionHooks() {
    return completionHooks;
  }

  /**
   * Whether {@code failure} rolled back the whole transaction, savepoints included. On PostgreSQL
   * only a lost connection does: every other error leaves an aborted transaction that a rollback to
   * a savepoint recovers. Elsewhere a deadlock or serialization failure rolls everything back
   * (MariaDB 1213/1020, H2 40001, SQLite BUSY_SNAPSHOT); MariaDB's lock wait timeout does not.
   */
  static boolean rollsBackEverything(RacefreeException failure, DatabaseKind database) {
    ErrorCategory category = failure.category();
    if (category == ErrorCategory.CONNECTION_LOST) {
      return true;
    }
    if (database == DatabaseKind.POSTGRESQL) {
      return false;
    }
    return category == ErrorCategory.DEADLOCK || category == ErrorCategory.SERIALIZATION_FAILURE;
  }
}
