package io.racefree.lock.internal;

import io.racefree.error.LockTimeoutException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET_LOCK(name, seconds)}, session-scoped on the server: every acquisition is recorded in
 * {@link HeldNamedLocks}, which releases it when the outermost transaction ends. Names longer than
 * 64 characters are hashed ({@link LockKeys#mySqlName}). GET_LOCK names are server-wide, not per
 * database. Stateless. Not API.
 */
final class MySqlNamedLocks implements NamedLocks.Strategy {
  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    if (!tryLock(tx, name, Duration.ofSeconds(GetLock.FOREVER_SECONDS), task)) {
      throw new LockTimeoutException(GetLock.details(tx, task),
          "GET_LOCK gave up waiting for lock '" + name + "'", null);
    }
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    BigDecimal seconds = BigDecimal.valueOf(timeout.toNanos(), 9);
    return acquireUntilEnd(tx, "?", List.of(Parameter.untyped(LockKeys.mySqlName(name))),
        "?", List.of(Parameter.untyped(seconds)), task);
  }

  /** Takes the lock named by {@code nameSql} and records it for release when the transaction ends. */
  static boolean acquireUntilEnd(JdbcTransaction tx, String nameSql, List<Parameter> nameParameters,
      String secondsSql, List<Parameter> secondsParameters, String task) {
    HeldNamedLocks held = tx.participant(HeldNamedLocks.class, HeldNamedLocks::new);
    String locked = GetLock.acquire(tx, nameSql, nameParameters, secondsSql, secondsParameters, task);
    if (locked != null) {
      held.add(locked);
    }
    return locked != null;
  }
}
