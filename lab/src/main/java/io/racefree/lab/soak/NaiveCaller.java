package io.racefree.lab.soak;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The same kinds of calls written the usual way, in plain JDBC on tables of their own, for
 * contrast: get-or-create as SELECT then INSERT on a table without a unique key (new keys every
 * 50 ms, so callers keep racing to create), an increment as
 * read then write back, a transfer as read both balances then write them back in one transaction
 * at the server's default level. What they do to their tables is reported next to racefree's
 * checks; it never fails the soak.
 *
 * <p>Thread-safe: callers share the tables and the acknowledgements.
 */
final class NaiveCaller {
  /** Get-or-create keys come in generations: every 50 ms four new keys that every caller races for. */
  static final long GENERATION_MILLIS = 50;
  static final int KEYS_PER_GENERATION = 4;
  static final int COUNTERS = 5;
  static final int ACCOUNTS = 4;

  private final DataSource pool;
  private final Acknowledgements told;

  NaiveCaller(DataSource pool, Acknowledgements told) {
    this.pool = pool;
    this.told = told;
  }

  /** One call, chosen at random; its SQLException is counted by SQLState, never rethrown. */
  void callOnce(SplittableRandom random) {
    try (Connection connection = pool.getConnection()) {
      switch (random.nextInt(3)) {
        case 0 -> getOrCreate(connection,
            System.currentTimeMillis() / GENERATION_MILLIS * KEYS_PER_GENERATION + random.nextInt(KEYS_PER_GENERATION));
        case 1 -> increment(connection, random.nextLong(COUNTERS));
        default -> transfer(connection, random);
      }
      told.naiveCalls.incrementAndGet();
    } catch (SQLException e) {
      told.naiveError(e);
    }
  }

  private static void getOrCreate(Connection connection, long key) throws SQLException {
    if (readLong(connection, "SELECT v FROM soak_naive_item WHERE k = ?", key) == null) {
      update(connection, "INSERT INTO soak_naive_item (k, v) VALUES (?, 1)", key);
    }
  }

  private void increment(Connection connection, long key) throws SQLException {
    Long n = readLong(connection, "SELECT n FROM soak_naive_counter WHERE k = ?", key);
    update(connection, "UPDATE soak_naive_counter SET n = ? WHERE k = ?", n + 1, key);
    told.naiveIncrements.incrementAndGet();
  }

  private static void transfer(Connection connection, SplittableRandom random) throws SQLException {
    long from = 1 + random.nextInt(ACCOUNTS);
    long to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
    long amount = 1 + random.nextInt(100);
    connection.setAutoCommit(false); // the pool puts auto-commit back when the connection returns
    try {
      long fromBalance = readLong(connection, "SELECT balance FROM soak_naive_account WHERE id = ?", from);
      long toBalance = readLong(connection, "SELECT balance FROM soak_naive_account WHERE id = ?", to);
      if (fromBalance >= amount) {
        update(connection, "UPDATE soak_naive_account SET balance = ? WHERE id = ?", fromBalance - amount, from);
        update(connection, "UPDATE soak_naive_account SET balance = ? WHERE id = ?", toBalance + amount, to);
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException alsoBroken) {
        e.addSuppressed(alsoBroken);
      }
      throw e;
    }
  }

  private static Long readLong(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  private static void update(Connection connection, String sql, long... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setLong(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
