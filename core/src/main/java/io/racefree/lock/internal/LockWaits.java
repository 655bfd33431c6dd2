package io.racefree.lock.internal;

import io.racefree.Row;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Feature;
import io.racefree.dialect.LockWaitSetting;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.JdbcTransaction;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bounds the lock waits of some work with the engine's session setting ({@link
 * Dialect#lockWaitSetting()}), then puts the setting back as it was. A transaction-local setting
 * (PostgreSQL's SET LOCAL) is set back after success; after a failure the rollback of the
 * transaction, or of the savepoint the work ran in, undoes it by itself. A session setting (MySQL
 * family, H2) is restored in a finally.
 *
 * Stateless. Not API.
 */
final class LockWaits {
  private LockWaits() {}

  static <T> T bounded(JdbcTransaction tx, Duration wait, String task, Supplier<T> work) {
    LockWaitSetting setting = tx.dialect().lockWaitSetting();
    if (!tx.dialect().supports(Feature.LOCK_TIMEOUT_SETTING) || setting == null) {
      throw LockSupport.unsupported(tx, task, "cannot bound a lock wait",
          "use noWait() or wait without a bound");
    }
    long bound = setting.wholeSeconds() ? RowLockClause.wholeSeconds(tx, wait, task) : millis(wait);
    String previous = single(tx, task, setting.readSql());
    set(tx, task, setting, Long.toString(bound));
    if (setting.transactionLocal()) {
      T result = work.get();
      set(tx, task, setting, previous);
      return result;
    }
    RuntimeException failure = null;
    try {
      return work.get();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      restore(tx, task, setting, previous, failure);
    }
  }

  /** The bound as the setting takes it: text, or a number. */
  private static Object value(LockWaitSetting setting, String text) {
    return setting.textValue() ? text : (Object) Long.parseLong(text);
  }

  /** Puts the session setting back; a problem doing so never replaces the work's own failure. */
  private static void restore(JdbcTransaction tx, String task, LockWaitSetting setting, String previous,
      RuntimeException failure) {
    try {
      set(tx, task + ": restore lock timeout", setting, previous);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /**
   * Runs the setting's statement (a SELECT on PostgreSQL, a SET elsewhere) on the raw connection:
   * after a deadlock the transaction may already count as aborted, and the setting must still go back.
   */
  private static void set(JdbcTransaction tx, String task, LockWaitSetting setting, String value) {
    try (PreparedStatement statement = tx.connection().prepareStatement(setting.setSql())) {
      statement.setObject(1, value(setting, value));
      statement.execute();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task, setting.setSql(), e, tx.dialect().kind());
    }
  }

  private static String single(JdbcTransaction tx, String task, String sql) {
    Row row = tx.query(task, sql, List.of()).get(0);
    return String.valueOf(row.values().iterator().next());
  }

  private static long millis(Duration wait) {
    long millis = wait.toMillis();
    return wait.toNanosPart() % 1_000_000 != 0 ? millis + 1 : Math.max(millis, 1);
  }
}
