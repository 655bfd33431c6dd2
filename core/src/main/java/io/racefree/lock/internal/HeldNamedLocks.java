package io.racefree.lock.internal;

import io.racefree.internal.CompletionParticipant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GET_LOCK names a MySQL-family transaction acquired. GET_LOCK is session-scoped and survives
 * ROLLBACK, so this releases each acquisition (they count) after the transaction commits or rolls
 * back, deadlock victims included. If a release fails the connection is aborted, which ends the
 * session and with it every lock, so no pooled connection keeps one. Belongs to one transaction;
 * not thread-safe. Not API.
 */
final class HeldNamedLocks implements CompletionParticipant {
  private final List<String> acquired = new ArrayList<>();

  void add(String lockName) {
    acquired.add(lockName);
  }

  @Override
  public void afterCompletion(Connection connection, boolean committed) throws SQLException {
    try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      for (String name : acquired) {
        release.setString(1, name);
        release.executeQuery().close();
      }
    } catch (SQLException e) {
      ConnectionAbort.abortQuietly(connection, e);
      throw e;
    } finally {
      acquired.clear();
    }
  }
}
