package io.racefree.lock.internal;

import io.racefree.internal.CompletionParticipant;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables a MySQL-family transaction locked with {@code LOCK TABLES}, and the {@code UNLOCK
 * TABLES} that must follow its commit or rollback (never before: UNLOCK TABLES commits an open
 * transaction). Belongs to one transaction; not thread-safe. Not API.
 */
final class LockedTables implements CompletionParticipant {
  private final Set<String> tables = new LinkedHashSet<>();
  private boolean issued;

  boolean isEmpty() {
    return !issued;
  }

  void markIssued(Set<String> locked) {
    issued = true;
    tables.addAll(locked);
  }

  boolean contains(String table) {
    return tables.contains(table);
  }

  Set<String> tables() {
    return Set.copyOf(tables);
  }

  @Override
  public void checkTableAccess(JdbcTransaction tx, TableInfo table, String task) {
    TableLocks.checkTouchable(tx, table, task);
  }

  @Override
  public void afterCompletion(Connection connection, boolean committed) throws SQLException {
    if (!issued) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLOCK TABLES");
    } catch (SQLException e) {
      ConnectionAbort.abortQuietly(connection, e);
      throw e;
    }
  }
}
