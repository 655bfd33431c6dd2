package io.racefree.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that must run when an outermost transaction ends, committed or rolled back, on its
 * connection and before the connection is restored and given back: releasing what the database
 * does not release by itself (MariaDB named locks, {@code UNLOCK TABLES}). Registered with {@link
 * JdbcTransaction#participant}. Not API.
 */
public interface CompletionParticipant {
  /**
   * Called once, after the commit or rollback.
   *
   * @param connection the transaction's connection, back in the state the end left it in
   * @param committed true after a commit, false after a rollback (or when the transaction failed)
   */
  void afterCompletion(Connection connection, boolean committed) throws SQLException;

  /**
   * Called before the transaction touches {@code table}; throws when this participant forbids it
   * (a MariaDB/MySQL transaction that ran LOCK TABLES may touch only the tables it locked).
   */
  default void checkTableAccess(JdbcTransaction tx, TableInfo table, String task) {}
}
