package io.racefree.lab.soak;

import io.racefree.lab.db.LabDatabase;
import java.sql.SQLException;

/**
 * The soak's tables in the lab's workspace, created fresh: racefree's, the plain-JDBC contrast's
 * (their get-or-create table has no unique key, as in the pattern it copies) and the registry of
 * worker processes' sessions. Stateless.
 */
final class SoakTables {
  private SoakTables() {}

  static void create(LabDatabase database) throws SQLException {
    database.execute(
        "DROP TABLE IF EXISTS soak_item", "DROP TABLE IF EXISTS soak_counter",
        "DROP TABLE IF EXISTS soak_account", "DROP TABLE IF EXISTS soak_ledger",
        "DROP TABLE IF EXISTS soak_naive_item", "DROP TABLE IF EXISTS soak_naive_counter",
        "DROP TABLE IF EXISTS soak_naive_account", "DROP TABLE IF EXISTS soak_session",
        "CREATE TABLE soak_item (k BIGINT PRIMARY KEY, v INT NOT NULL)",
        "CREATE TABLE soak_counter (k BIGINT PRIMARY KEY, n BIGINT NOT NULL)",
        "CREATE TABLE soak_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL)",
        "CREATE TABLE soak_ledger (id VARCHAR(36) PRIMARY KEY, from_id BIGINT NOT NULL,"
            + " to_id BIGINT NOT NULL, amount BIGINT NOT NULL)",
        "CREATE TABLE soak_naive_item (k BIGINT NOT NULL, v INT NOT NULL)",
        "CREATE INDEX soak_naive_item_k ON soak_naive_item (k)",
        "CREATE TABLE soak_naive_counter (k BIGINT PRIMARY KEY, n BIGINT NOT NULL)",
        "CREATE TABLE soak_naive_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL)",
        "CREATE TABLE soak_session (id BIGINT NOT NULL)");
    for (long id = 1; id <= SoakCaller.ACCOUNTS; id++) {
      database.execute("INSERT INTO soak_account (id, balance) VALUES (" + id + ", "
          + SoakCaller.OPENING_BALANCE + ")");
    }
    for (long id = 1; id <= NaiveCaller.ACCOUNTS; id++) {
      database.execute("INSERT INTO soak_naive_account (id, balance) VALUES (" + id + ", "
          + SoakCaller.OPENING_BALANCE + ")");
    }
    for (long k = 0; k < NaiveCaller.COUNTERS; k++) {
      database.execute("INSERT INTO soak_naive_counter (k, n) VALUES (" + k + ", 0)");
    }
  }
}
