package io.racefree.lock.internal;

import io.racefree.error.ErrorDetails;
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
  /** GET_LOCK has no "forever"; a year is as long as anyone waits. */
  private static final long FOREVER_SECONDS = 365L * 24 * 3600;

  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    if (!acquire(tx, name, BigDecimal.valueOf(FOREVER_SECONDS), task)) {
      throw new LockTimeoutException(ErrorDetails.of(task, tx.dialect().kind()),
          "GET_LOCK gave up waiting for lock '" + name + "'", null);
    }
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    BigDecimal seconds = BigDecimal.valueOf(timeout.toNanos(), 9);
    return acquire(tx, name, seconds, task);
  }

  private static boolean acquire(JdbcTransaction tx, String name, BigDecimal seconds, String task) {
    HeldNamedLocks held = tx.participant(HeldNamedLocks.class, HeldNamedLocks::new);
    String lockName = LockKeys.mySqlName(name);
    Object result = tx.query(task, "SELECT GET_LOCK(?, ?) AS locked",
            List.of(Parameter.untyped(lockName), Parameter.untyped(seconds)))
        .get(0).get("locked");
    if (result == null) {
      throw LockSupport.invalid(tx, task, "GET_LOCK refused lock name '" + lockName + "'");
    }
    boolean locked = ((Number) result).intValue() == 1;
    if (locked) {
      held.add(lockName);
    }
    return locked;
  }
}
