package io.racefree.lab.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Tells whether an InnoDB session waits on a row lock, from {@code SHOW ENGINE INNODB STATUS}.
 * {@code information_schema.INNODB_TRX} cannot be polled for this: InnoDB refreshes that cache
 * only after 100 ms without any reader (trx0i_s.cc, CACHE_MIN_IDLE_TIME_US), so a frequent
 * poller, ours or another client's, keeps reading the same stale snapshot.
 *
 * <p>Stateless and thread-safe; the caller serialises use of the connection.
 */
final class InnodbStatus {
  private InnodbStatus() {}

  static boolean isWaiting(Connection admin, long threadId) throws SQLException {
    Pattern thread = Pattern.compile("(MySQL|MariaDB) thread id " + threadId + "\\b");
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SHOW ENGINE INNODB STATUS")) {
      if (!rows.next()) {
        return false;
      }
      for (String transaction : rows.getString("Status").split("---TRANSACTION ")) {
        if (transaction.contains("LOCK WAIT") && thread.matcher(transaction).find()) {
          return true;
        }
      }
      return false;
    }
  }
}
