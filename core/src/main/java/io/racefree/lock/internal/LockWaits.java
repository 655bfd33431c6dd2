package io.racefree.lock.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bounds the lock waits of some work with the engine's session setting, then puts the setting back
 * as it was:
 *
 * <ul>
 *   <li>PostgreSQL: {@code set_config('lock_timeout', ms, true)} (a SET LOCAL). After success the
 *       previous value is set back; after a failure the transaction (or the savepoint the work ran
 *       in) is rolled back, which undoes the SET LOCAL by itself.
 *   <li>MySQL family: {@code innodb_lock_wait_timeout} (whole seconds), restored in a finally.
 *   <li>H2: {@code SET LOCK_TIMEOUT ms}, read back with {@code LOCK_TIMEOUT()}, restored in a
 *       finally.
 * </ul>
 *
 * Stateless. Not API.
 */
final class LockWaits {
  private LockWaits() {}

  static <T> T bounded(JdbcTransaction tx, Duration wait, String task, Supplier<T> work) {
    if (!tx.dialect().supports(Feature.LOCK_TIMEOUT_SETTING)) {
      throw LockSupport.unsupported(tx, task, "cannot bound a lock wait",
          "use noWait() or wait without a bound");
    }
    return switch (tx.dialect().kind()) {
      case POSTGRESQL -> postgres(tx, wait, task, work);
      case MARIADB, MYSQL -> sessionSetting(tx, task, work,
          "SELECT @@SESSION.innodb_lock_wait_timeout",
          "SET SESSION innodb_lock_wait_timeout = ",
          Long.toString(RowLockClause.wholeSeconds(tx, wait, task)));
      case H2 -> sessionSetting(tx, task, work, "SELECT LOCK_TIMEOUT()", "SET LOCK_TIMEOUT ",
          Long.toString(millis(wait)));
      case SQLITE -> work.get();
    };
  }

  private static <T> T postgres(JdbcTransaction tx, Duration wait, String task, Supplier<T> work) {
    String previous = single(tx, task, "SELECT current_setting('lock_timeout')");
    setPostgres(tx, task, Long.toString(millis(wait)));
    T result = work.get();
    setPostgres(tx, task, previous);
    return result;
  }

  private static void setPostgres(JdbcTransaction tx, String task, String value) {
    tx.query(task, "SELECT set_config('lock_timeout', ?, true)", List.of(Parameter.untyped(value)));
  }

  private static <T> T sessionSetting(
      JdbcTransaction tx, String task, Supplier<T> work, String read, String set, String value) {
    String previous = single(tx, task, read);
    tx.update(task, set + value, List.of());
    RuntimeException failure = null;
    try {
      return work.get();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      restore(tx, task, set + Long.parseLong(previous), failure);
    }
  }

  /** Runs on the raw connection: the transaction may already count as aborted after a deadlock. */
  private static void restore(JdbcTransaction tx, String task, String sql, RuntimeException failure) {
    Connection connection = tx.connection();
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw SqlErrorTranslator.translate(task + ": restore lock timeout", sql, e, tx.dialect().kind());
      }
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
