package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import java.sql.SQLException;

/**
 * The {@code floor}: where one hand-written statement does the job, that statement, auto-committed
 * (the bench's native SQL, per engine). Get-or-create is an insert that skips an existing key,
 * followed by a read of a row it did not create (PostgreSQL and SQLite {@code ON CONFLICT (k) DO
 * NOTHING}, MariaDB/MySQL {@code INSERT IGNORE}, H2 {@code MERGE ... WHEN NOT MATCHED}, whose
 * duplicate key under a concurrent insert is read the same way), so the call knows whether it
 * created the row; the bench's {@code ON CONFLICT DO UPDATE SET k = EXCLUDED.k} writes and locks
 * an existing row, which on the stress run's few hot keys is no floor. Update-or-create is the
 * native upsert (run again on H2 after such a duplicate key); a transfer two {@code UPDATE
 * balance = balance -/+ ?} in one transaction, in key order, the debit guarded by {@code balance
 * >= ?}. It needs a unique key and has no critical section. A throughput reference for stress
 * runs only, not a correctness strategy.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class Floor {
  private static final String FIND = "SELECT v FROM goc WHERE k = ?";

  private Floor() {}

  /** Whether this call created the row. */
  static boolean getOrCreate(Actor actor, long key) throws SQLException {
    return switch (actor.engine()) {
      // ON DUPLICATE KEY UPDATE k = k counts a found row as 1, like an insert (Connector/J sets
      // CLIENT_FOUND_ROWS); INSERT IGNORE counts an ignored duplicate as 0.
      case MARIADB, MYSQL -> createdElseRead(actor, key,
          "INSERT IGNORE INTO goc (k, v) VALUES (?, 1)");
      case POSTGRESQL, SQLITE -> createdElseRead(actor, key,
          "INSERT INTO goc (k, v) VALUES (?, 1) ON CONFLICT (k) DO NOTHING");
      case H2 -> createdElseRead(actor, key, "MERGE INTO goc USING (VALUES (CAST(? AS BIGINT)))"
          + " s(k) ON goc.k = s.k WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, 1)");
    };
  }

  /**
   * Runs {@code upsert}; a row it did not insert is read, as a get-or-create returns it. On H2 a
   * duplicate key means a concurrent caller created the row: it is read as INSERT IGNORE's
   * skipped row would be.
   */
  private static boolean createdElseRead(Actor actor, long key, String upsert)
      throws SQLException {
    try {
      if (actor.update(upsert, key) == 1) {
        return true;
      }
    } catch (SQLException e) {
      if (!lostToAConcurrentInsertOnH2(actor, e)) {
        throw e;
      }
    }
    actor.queryLong(FIND, key);
    return false;
  }

  /** The upsert; on H2 a duplicate key (a concurrent insert won) runs it again, as an update. */
  static void updateOrCreate(Actor actor, long key, long value) throws SQLException {
    String upsert = UpdateOrCreate.upsertSql(actor.engine());
    try {
      actor.update(upsert, key, value);
    } catch (SQLException e) {
      if (!lostToAConcurrentInsertOnH2(actor, e)) {
        throw e;
      }
      actor.update(upsert, key, value);
    }
  }

  /** H2's MERGE is not atomic against a concurrent insert of the same key. */
  private static boolean lostToAConcurrentInsertOnH2(Actor actor, SQLException e) {
    return actor.engine() == Engine.H2 && actor.problem(e) == SqlProblem.DUPLICATE_KEY;
  }

  /** Whether the money moved: false when the debit's guard found too little on {@code from}. */
  static boolean transfer(Actor actor, long from, long to, long amount) throws SQLException {
    actor.begin();
    boolean debitFirst = from < to;
    if (debitFirst && !debit(actor, from, amount)) {
      actor.connection().rollback();
      return false;
    }
    actor.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
    if (!debitFirst && !debit(actor, from, amount)) {
      actor.connection().rollback();
      return false;
    }
    actor.commit();
    return true;
  }

  private static boolean debit(Actor actor, long account, long amount) throws SQLException {
    return actor.update("UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?",
        amount, account, amount) == 1;
  }
}
