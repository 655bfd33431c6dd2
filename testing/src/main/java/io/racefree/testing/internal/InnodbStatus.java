package io.racefree.testing.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Reads row-lock waits from {@code SHOW ENGINE INNODB STATUS}. {@code INNODB_TRX} alone is not
 * enough: InnoDB refreshes it only after 100 ms without readers, and the snapshot is shared by all
 * clients of the server, so on a busy shared server it can stay stale indefinitely.
 */
final class InnodbStatus {
  private InnodbStatus() {}

  /** True if the transaction of MariaDB/MySQL thread {@code sessionId} is in LOCK WAIT. */
  static boolean showsLockWait(Connection observer, long sessionId) throws SQLException {
    Pattern thisSession = Pattern.compile("thread id " + sessionId + ",");
    for (String transaction : status(observer).split("---TRANSACTION ")) {
      if (thisSession.matcher(transaction).find()) {
        return transaction.contains("LOCK WAIT");
      }
    }
    return false;
  }

  private static String status(Connection observer) throws SQLException {
    try (Statement statement = observer.createStatement();
        ResultSet row = statement.executeQuery("SHOW ENGINE INNODB STATUS")) {
      return row.next() ? row.getString("Status") : "";
    }
  }
}
