package io.racefree.lab.scenario;

import java.sql.SQLException;

/**
 * Money transfer user patterns on raw JDBC (seed 002), on table {@code accounts (id, balance,
 * version)}. The pause comes after the first account is read (or locked), so two transfers in
 * opposite directions interleave between their two rows.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class Transfer {
  private static final String READ = "SELECT balance, version FROM accounts WHERE id = ?";
  private static final String WRITE = "UPDATE accounts SET balance = ? WHERE id = ?";

  private Transfer() {}

  static void run(String strategy, Actor actor, long from, long to, long amount, Pause pause)
      throws CallerFailure, InterruptedException {
    try {
      switch (strategy) {
        case "naive", "read-committed" -> readModifyWrite(actor, from, to, amount, pause, "");
        case "select-for-update" ->
            readModifyWrite(actor, from, to, amount, pause, actor.forUpdate());
        case "select-for-update-ordered" -> ordered(actor, from, to, amount, pause);
        case "atomic-update" -> atomic(actor, from, to, amount, pause);
        case "optimistic-version" -> Retry.transient3(actor, () -> {
          optimistic(actor, from, to, amount, pause);
          return null;
        });
        case "table-lock" -> tableLock(actor, from, to, amount, pause);
        case "racefree" -> LibraryStrategy.transfer(actor, from, to, amount, pause);
        case "serializable-retry" -> Retry.transient3(actor, () -> {
          readModifyWrite(actor, from, to, amount, pause, "");
          return null;
        });
        default -> throw new IllegalArgumentException("no transfer for " + strategy);
      }
    } catch (SQLException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw actor.failure(e);
    } catch (CallerFailure | RuntimeException e) {
      TableLock.rollbackQuietly(strategy, actor);
      throw e;
    }
  }

  /** Seed 002's code: read both balances, write both, in one transaction. */
  private static void readModifyWrite(Actor actor, long from, long to, long amount, Pause pause,
      String lock) throws SQLException, InterruptedException {
    actor.begin();
    long fromBalance = actor.queryPair(READ + lock, from)[0];
    pause.here();
    long toBalance = actor.queryPair(READ + lock, to)[0];
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    actor.commit();
  }

  /** Locks both rows in primary-key order, whatever the direction, then writes. */
  private static void ordered(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    long first = Math.min(from, to);
    long second = Math.max(from, to);
    long firstBalance = actor.queryPair(READ + actor.forUpdate(), first)[0];
    pause.here();
    long secondBalance = actor.queryPair(READ + actor.forUpdate(), second)[0];
    long fromBalance = from == first ? firstBalance : secondBalance;
    long toBalance = from == first ? secondBalance : firstBalance;
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    actor.commit();
  }

  /** The database does the arithmetic: UPDATE SET balance = balance -/+ ?. */
  private static void atomic(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    actor.update("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
    pause.here();
    actor.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
    actor.commit();
  }

  /** Reads balance and version, writes WHERE version = read; a miss retries the transaction. */
  private static void optimistic(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    long[] fromRow = actor.queryPair(READ, from);
    pause.here();
    long[] toRow = actor.queryPair(READ, to);
    String write = "UPDATE accounts SET balance = ?, version = version + 1"
        + " WHERE id = ? AND version = ?";
    if (actor.update(write, fromRow[0] - amount, from, fromRow[1]) != 1
        || actor.update(write, toRow[0] + amount, to, toRow[1]) != 1) {
      throw new StaleVersion();
    }
    actor.commit();
  }

  private static void tableLock(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    TableLock.begin(actor, "accounts");
    long fromBalance = actor.queryPair(READ, from)[0];
    pause.here();
    long toBalance = actor.queryPair(READ, to)[0];
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    TableLock.commit(actor);
  }

  /** No row matched the version read: someone else wrote first; retry the whole transaction. */
  static final class StaleVersion extends SQLException {
    StaleVersion() {
      super("stale version: the row changed since it was read", "40001");
    }
  }
}
