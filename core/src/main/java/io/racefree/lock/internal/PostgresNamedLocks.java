package io.racefree.lock.internal;

import io.racefree.error.LockTimeoutException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcTransaction;
import java.time.Duration;
import java.util.List;

/**
 * {@code pg_advisory_xact_lock(key)}: held until the transaction ends, also released by a rollback
 * to a savepoint taken before it. A bounded wait runs in its own savepoint with a local lock
 * timeout, so timing out leaves the transaction usable. Stateless. Not API.
 */
final class PostgresNamedLocks implements NamedLocks.Strategy {
  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    lockUntilEnd(tx, "?", key(name), task);
  }

  /** {@code pg_advisory_xact_lock} on the bigint {@code keySql} computes. */
  static void lockUntilEnd(JdbcTransaction tx, String keySql, List<Parameter> parameters, String task) {
    tx.query(task, "SELECT pg_advisory_xact_lock(" + keySql + ")", parameters);
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    if (timeout.isZero()) {
      return Boolean.TRUE.equals(
          tx.query(task, "SELECT pg_try_advisory_xact_lock(?) AS locked", key(name)).get(0).get("locked"));
    }
    try {
      return tx.nested(inner -> LockWaits.bounded(inner, timeout, task, () -> {
        lockUntilEnd(inner, "?", key(name), task);
        return true;
      }));
    } catch (LockTimeoutException timedOut) {
      return false;
    }
  }

  private static List<Parameter> key(String name) {
    return List.of(Parameter.untyped(LockKeys.postgresKey(name)));
  }
}
