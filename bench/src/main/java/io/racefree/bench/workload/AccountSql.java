package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.NativeSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The hand-written statements of the transfer baselines. */
final class AccountSql {
  private AccountSql() {}

  /** Two guarded atomic updates in id order; false (and rolled back by the caller's throw) if short. */
  static boolean atomicMove(Connection connection, int from, int to, long amount) throws SQLException {
    if (from < to) {
      if (!debit(connection, from, amount)) {
        return false;
      }
      credit(connection, to, amount);
    } else {
      credit(connection, to, amount);
      if (!debit(connection, from, amount)) {
        connection.rollback();
        return false;
      }
    }
    return true;
  }

  /** Reads both balances (locking them in id order with " FOR UPDATE"), then writes both. */
  static boolean readThenWrite(Connection connection, int from, int to, long amount, String suffix)
      throws SQLException {
    long fromBalance;
    long toBalance;
    if (from < to) {
      fromBalance = balance(connection, from, suffix);
      toBalance = balance(connection, to, suffix);
    } else {
      toBalance = balance(connection, to, suffix);
      fromBalance = balance(connection, from, suffix);
    }
    if (fromBalance < amount) {
      return false;
    }
    setBalance(connection, from, fromBalance - amount);
    setBalance(connection, to, toBalance + amount);
    return true;
  }

  static boolean underTableLock(BenchDatabase database, String lock, int from, int to, long amount)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        ItemSql.execute(connection, lock);
        boolean moved = readThenWrite(connection, from, to, amount, "");
        connection.commit();
        return moved;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        if (NativeSql.needsUnlockTables(database.engine())) {
          ItemSql.execute(connection, "UNLOCK TABLES");
        }
      }
    }
  }

  private static boolean debit(Connection connection, int id, long amount) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE account SET balance = balance - ? WHERE id = ? AND balance >= ?")) {
      update.setLong(1, amount);
      update.setInt(2, id);
      update.setLong(3, amount);
      return update.executeUpdate() == 1;
    }
  }

  private static void credit(Connection connection, int id, long amount) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
      update.setLong(1, amount);
      update.setInt(2, id);
      update.executeUpdate();
    }
  }

  private static long balance(Connection connection, int id, String suffix) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM account WHERE id = ?" + suffix)) {
      select.setInt(1, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("account " + id + " is missing");
        }
        return rows.getLong(1);
      }
    }
  }

  private static void setBalance(Connection connection, int id, long balance) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = ? WHERE id = ?")) {
      update.setLong(1, balance);
      update.setInt(2, id);
      update.executeUpdate();
    }
  }
}
