package io.racefree.lock.internal;

import io.racefree.Handle;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.JdbcTransaction;

/** Checks and errors shared by the lock classes. Stateless. Not API. */
final class LockSupport {
  private LockSupport() {}

  static UnsupportedFeatureException unsupported(Handle handle, String task, String problem, String advice) {
    return new UnsupportedFeatureException(
        ErrorDetails.of(task, handle.dialect().kind()),
        handle.dialect() + " " + problem,
        advice,
        null);
  }

  static InvalidRequestException invalid(Handle handle, String task, String problem) {
    return new InvalidRequestException(ErrorDetails.of(task, handle.dialect().kind()), problem, null);
  }

  static TransactionStateException misuse(Handle handle, String task, String problem, String advice) {
    return new TransactionStateException(
        ErrorDetails.of(task, handle.dialect().kind()), problem, advice, null);
  }

  /** True where the database write lock is the only lock (SQLite). */
  static boolean isSqlite(Handle handle) {
    return handle.dialect().supports(Feature.SINGLE_WRITER);
  }

  /**
   * SQLite has no row, table or named locks: only the database write lock. A transaction that
   * began with {@code BEGIN IMMEDIATE} holds it, so whatever it reads is already exclusive. Any
   * other transaction would get a silent no-op, so it fails here instead.
   */
  static void requireSqliteWriteLock(JdbcTransaction tx, String task) {
    if (tx.options().readOnly() || !tx.options().takesSqliteWriteLockFirst()) {
      throw unsupported(
          tx,
          task,
          "has no row, table or named locks; only a transaction that holds the database write lock"
              + " (read-write, begun with BEGIN IMMEDIATE) reads exclusively, and this one does not",
          "run this in a read-write transaction without withSqliteWriteLockFirst(false); it takes the"
              + " write lock first, which excludes every other writer");
    }
  }

  /** Rejects a null or empty lock name. */
  static String checkName(Handle handle, String task, String name) {
    if (name == null || name.isEmpty()) {
      throw invalid(handle, task, "the lock name is " + (name == null ? "null" : "empty"));
    }
    return name;
  }
}
