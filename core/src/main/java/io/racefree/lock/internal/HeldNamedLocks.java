package io.racefree.lock.internal;

import io.racefree.internal.CompletionParticipant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GET_LOCK names a MySQL-family transaction acquired, by {@code tx.lock} and by creator locks.
 * GET_LOCK is session-scoped and survives ROLLBACK, so this releases each acquisition (they count)
 * after the transaction commits or rolls back, deadlock victims included ({@link GetLock}). Belongs
 * to one transaction; not thread-safe. Not API.
 */
final class HeldNamedLocks implements CompletionParticipant {
  private final List<String> acquired = new ArrayList<>();

  void add(String lockName) {
    acquired.add(lockName);
  }

  @Override
  public void afterCompletion(Connection connection, boolean committed) throws SQLException {
    try {
      GetLock.releaseAll(connection, acquired);
    } finally {
      acquired.clear();
    }
  }
}
