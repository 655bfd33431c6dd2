package io.racefree.lock.internal;

import io.racefree.error.ErrorDetails;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TransactionStateException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * H2 has no named locks, so a name locks a row of {@code racefree_locks} with {@code SELECT ... FOR
 * UPDATE}, held until the transaction ends. The table and a missing row are created on a separate
 * auto-commit connection from the same data source (DDL commits in H2, and a row inserted inside
 * the transaction would make a second locker wait on an uncommitted insert, which H2 neither
 * reports as a lock wait nor checks for deadlocks); so the pool needs a second connection the first
 * time a name is used. A wait is bounded by the session's {@code LOCK_TIMEOUT}. Stateless. Not API.
 */
final class H2NamedLocks implements NamedLocks.Strategy {
  static final String TABLE = "racefree_locks";
  private static final String SELECT = "SELECT name FROM " + TABLE + " WHERE name = ? FOR UPDATE";

  @Override
  public void lock(JdbcTransaction tx, String name, String task) {
    ensureTable(tx, name, task);
    if (selectForUpdate(tx, name, task)) {
      return;
    }
    createRow(tx, name, task);
    selectForUpdate(tx, name, task);
  }

  @Override
  public boolean tryLock(JdbcTransaction tx, String name, Duration timeout, String task) {
    Duration wait = timeout.isZero() ? Duration.ofMillis(1) : timeout;
    ensureTable(tx, name, task);
    try {
      return LockWaits.bounded(tx, wait, task, () -> {
        if (!selectForUpdate(tx, name, task)) {
          createRow(tx, name, task);
          selectForUpdate(tx, name, task);
        }
        return true;
      });
    } catch (LockTimeoutException timedOut) {
      return false;
    }
  }

  private static void ensureTable(JdbcTransaction tx, String name, String task) {
    if (tx.query(task, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
        + " AND TABLE_NAME = 'RACEFREE_LOCKS'", List.of()).isEmpty()) {
      createRow(tx, name, task);
    }
  }

  private static boolean sameSession(JdbcTransaction tx, Connection separate, String task) {
    String sessionId = "SELECT SESSION_ID()";
    try (Statement other = separate.createStatement(); ResultSet id = other.executeQuery(sessionId)) {
      Object ours = tx.query(task, sessionId, List.of()).get(0).values().iterator().next();
      return id.next() && String.valueOf(ours).equals(id.getString(1));
    } catch (SQLException e) {
      closeQuietly(separate);
      throw SqlErrorTranslator.translate(task + ": session of the lock-row connection", sessionId, e,
          tx.dialect().kind());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The translated error of the statement that failed is the one the caller needs.
    }
  }

  private static boolean selectForUpdate(JdbcTransaction tx, String name, String task) {
    return !tx.query(task, SELECT, List.of(Parameter.untyped(name))).isEmpty();
  }

  private static void createRow(JdbcTransaction tx, String name, String task) {
    String ddl = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR PRIMARY KEY)";
    String merge = "MERGE INTO " + TABLE + " (name) KEY (name) VALUES (?)";
    Connection separate;
    try {
      separate = tx.database().dataSource().getConnection();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task + ": connection to create the lock row", null, e, tx.dialect().kind());
    }
    if (separate == tx.connection() || sameSession(tx, separate, task)) {
      // Switching it to auto-commit would commit this transaction half-way, and the lock with it.
      throw new TransactionStateException(ErrorDetails.of(task, tx.dialect().kind()).withSql(merge),
          "H2 named lock '" + name + "': its row in " + TABLE + " is created on a second connection the first"
              + " time the name is used, but the data source handed back this transaction's own session",
          "use a data source that can give a second connection (a pool of two or more), or create the"
              + " table and row once beforehand: CREATE TABLE " + TABLE + " (name VARCHAR PRIMARY KEY),"
              + " then MERGE INTO " + TABLE + " (name) KEY (name) VALUES ('<the lock name>')",
          null);
    }
    try (separate) {
      separate.setSchema(tx.connection().getSchema());
      separate.setAutoCommit(true);
      try (Statement statement = separate.createStatement()) {
        statement.execute(ddl);
      }
      try (PreparedStatement insert = separate.prepareStatement(merge)) {
        insert.setString(1, name);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task + ": create lock row", merge, e, tx.dialect().kind());
    }
  }
}
