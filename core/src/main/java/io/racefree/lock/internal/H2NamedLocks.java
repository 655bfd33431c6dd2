package io.racefree.lock.internal;

import io.racefree.error.LockTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * H2 has no named locks, so a name locks a row of {@code racefree_locks} (created on demand, on a
 * separate connection because DDL commits in H2): {@code MERGE} inserts the row or updates it, and
 * either way holds its row lock until the transaction ends. A wait is bounded by the session's
 * {@code LOCK_TIMEOUT}. Stateless. Not API.
 */
final class H2NamedLocks implements NamedLocks.Strategy {
  static final String TABLE = "racefree_locks";
  private static final String MERGE = "MERGE INTO " + TABLE + " (name) KEY (name) VALUES (?)";

  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    ensureTable(tx, task);
    tx.update(task, MERGE, List.of(Parameter.untyped(name)));
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    ensureTable(tx, task);
    Duration wait = timeout.isZero() ? Duration.ofMillis(1) : timeout;
    try {
      return LockWaits.bounded(tx, wait, task, () -> tx.update(task, MERGE, List.of(Parameter.untyped(name))) > 0);
    } catch (LockTimeoutException timedOut) {
      return false;
    }
  }

  private static void ensureTable(JdbcTransaction tx, String task) {
    List<?> found = tx.query(task, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
        + " AND TABLE_NAME = 'RACEFREE_LOCKS'", List.of());
    if (!found.isEmpty()) {
      return;
    }
    String ddl = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR PRIMARY KEY)";
    try (Connection separate = tx.database().dataSource().getConnection();
        Statement statement = separate.createStatement()) {
      separate.setSchema(tx.connection().getSchema());
      statement.execute(ddl);
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task + ": create " + TABLE, ddl, e, tx.dialect().kind());
    }
  }
}
