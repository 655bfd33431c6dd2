package io.racefree.lock.internal;

import io.racefree.dialect.Dialect;
import io.racefree.dialect.Feature;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import io.racefree.lock.RowLock;
import java.time.Duration;

/**
 * Renders a {@link RowLock} as the locking clause of a SELECT for one dialect, or fails with an
 * unsupported-feature error for an option the database cannot honour. A bounded wait becomes
 * {@code WAIT n} where the database has it; otherwise {@link LockWaits} bounds it with a session
 * setting. Stateless. Not API.
 */
final class RowLockClause {
  private RowLockClause() {}

  /** The clause, starting with a space; empty on SQLite, where the write lock already excludes. */
  static String render(JdbcTransaction tx, TableInfo table, RowLock lock, String task) {
    if (LockSupport.isSqlite(tx)) {
      return "";
    }
    Dialect dialect = tx.dialect();
    StringBuilder clause = new StringBuilder(" ").append(mode(tx, lock.mode(), task));
    if (lock.ofTable() != null) {
      requireFeature(tx, Feature.FOR_UPDATE_OF, task, "FOR ... OF table");
      TableInfo of = tx.table(lock.ofTable(), task);
      if (!of.name().equals(table.name())) {
        throw LockSupport.invalid(tx, task, "OF names table '" + of.name() + "', but the rows come from '"
            + table.name() + "'");
      }
      clause.append(" OF ").append(of.sql());
    }
    switch (lock.waitPolicy()) {
      case NOWAIT -> clause.append(requireFeature(tx, Feature.NOWAIT, task, "NOWAIT", " NOWAIT"));
      case SKIP_LOCKED -> clause.append(requireFeature(tx, Feature.SKIP_LOCKED, task, "SKIP LOCKED", " SKIP LOCKED"));
      case BOUNDED -> clause.append(usesWaitClause(dialect) ? " WAIT " + wholeSeconds(tx, lock.maxWait(), task) : "");
      case WAIT -> { }
    }
    return clause.toString();
  }

  /** True when a bounded wait is written as {@code WAIT n} instead of a session setting. */
  static boolean usesWaitClause(Dialect dialect) {
    return dialect.supports(Feature.WAIT_SECONDS);
  }

  private static String mode(JdbcTransaction tx, RowLock.Mode mode, String task) {
    return switch (mode) {
      case UPDATE -> requireFeature(tx, Feature.SELECT_FOR_UPDATE, task, "FOR UPDATE", "FOR UPDATE");
      case NO_KEY_UPDATE -> requireFeature(tx, Feature.FOR_NO_KEY_UPDATE, task, "FOR NO KEY UPDATE", "FOR NO KEY UPDATE");
      case KEY_SHARE -> requireFeature(tx, Feature.FOR_KEY_SHARE, task, "FOR KEY SHARE", "FOR KEY SHARE");
      case SHARE -> share(tx, task);
    };
  }

  private static String share(JdbcTransaction tx, String task) {
    if (tx.dialect().supports(Feature.FOR_SHARE)) {
      return "FOR SHARE";
    }
    return requireFeature(tx, Feature.LOCK_IN_SHARE_MODE, task, "a shared row lock", "LOCK IN SHARE MODE");
  }

  private static String requireFeature(
      JdbcTransaction tx, Feature feature, String task, String what, String sql) {
    requireFeature(tx, feature, task, what);
    return sql;
  }

  private static void requireFeature(JdbcTransaction tx, Feature feature, String task, String what) {
    if (!tx.dialect().supports(feature)) {
      throw LockSupport.unsupported(tx, task, "has no " + what + " on a locking read",
          "choose another lock mode or wait policy; docs/locks.md lists what each database offers");
    }
  }

  /** MySQL-family lock waits are whole seconds; anything else cannot be honoured. */
  static long wholeSeconds(JdbcTransaction tx, Duration wait, String task) {
    if (wait.toNanosPart() != 0) {
      throw LockSupport.unsupported(tx, task, "bounds lock waits in whole seconds only, not " + wait,
          "wait a whole number of seconds, or use noWait()");
    }
    return wait.getSeconds();
  }
}
