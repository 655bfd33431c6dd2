package io.racefree.lab.soak;

import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.error.RacefreeException;
import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The invariants of a soak, read from the database and compared with what the callers were told.
 * Stateless.
 */
final class SoakChecks {
  private SoakChecks() {}

  /** Checks that need the soak's pool and sessions still open: nothing borrowed, held or begun. */
  static List<SoakCheck> whileThePoolIsOpen(LabDatabase database, Database db, HikariDataSource pool,
      SoakSessions sessions, List<String> lockNames) throws SQLException {
    List<SoakCheck> checks = new ArrayList<>();
    int active = pool.getHikariPoolMXBean().getActiveConnections();
    checks.add(new SoakCheck("no connection left borrowed from the pool", active == 0,
        active + " of " + pool.getMaximumPoolSize() + " connections still borrowed after the callers stopped"));
    List<String> held = new ArrayList<>();
    for (String name : lockNames) {
      try {
        if (!db.<Boolean, RuntimeException>withTransaction(tx -> tx.tryLock(name, Duration.ZERO))) {
          held.add(name);
        }
      } catch (RacefreeException e) {
        held.add(name + " (" + e.category() + ")");
      }
    }
    checks.add(new SoakCheck("every named lock free afterwards", held.isEmpty(),
        held.isEmpty() ? lockNames.size() + " lock names taken at once, without waiting"
            : "still held: " + held));
    long open = sessionsInTransaction(database, sessions);
    checks.add(new SoakCheck("no session of the soak left inside a transaction", open == 0,
        open + (database.engine() == Engine.SQLITE ? " writers holding the database"
            : " of its sessions in an open transaction")));
    return checks;
  }

  private static long sessionsInTransaction(LabDatabase database, SoakSessions sessions) throws SQLException {
    List<Long> ids = sessions.ids();
    try (Connection session = database.openSession(); Statement statement = session.createStatement()) {
      if (database.engine() == Engine.SQLITE) {
        try {
          statement.execute("BEGIN IMMEDIATE");
          statement.execute("ROLLBACK");
          return 0;
        } catch (SQLException busy) {
          return 1;
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", ")); // server-issued numbers
      String sql = switch (database.engine()) {
        case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + in
            + ") AND state LIKE 'idle in transaction%' AND application_name = '" + sessions.applicationName() + "'";
        case MARIADB, MYSQL -> "SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
            + " ON p.ID = t.trx_mysql_thread_id WHERE p.ID IN (" + in + ") AND p.DB = '" + database.workspace() + "'";
        case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID IN (" + in
            + ") AND CONTAINS_UNCOMMITTED";
        case SQLITE -> throw new IllegalStateException("handled above");
      };
      try (ResultSet count = statement.executeQuery(sql)) {
        count.next();
        return count.getLong(1);
      }
    }
  }

  /** The tables against what the callers were told. */
  static List<SoakCheck> fromTheTables(LabDatabase database, Acknowledgements told) throws SQLException {
    List<SoakCheck> checks = new ArrayList<>();
    try (Connection session = database.openSession()) {
      Set<Long> items = new HashSet<>(longs(session, "SELECT k FROM soak_item"));
      Set<Long> missing = new HashSet<>(told.createdKeys);
      missing.removeAll(items);
      checks.add(new SoakCheck("every get-or-create row a caller got is there", missing.isEmpty(),
          told.createdKeys.size() + " keys returned to callers, " + items.size() + " rows, missing: "
              + (missing.isEmpty() ? "none" : missing)));
      checks.addAll(counters(session, told));
      checks.addAll(transfers(session, told));
    }
    long overlaps = told.jobOverlaps();
    checks.add(new SoakCheck("no job ran while another caller held its lock", overlaps == 0,
        told.jobsRun() + " jobs committed under " + told.lockNamesUsed() + " lock names, "
            + overlaps + " overlapping"));
    checks.add(new SoakCheck("every error that reached a caller was typed", told.untypedErrors() == 0,
        told.untypedErrors() == 0 ? "all typed" : told.untypedErrors() + " untyped, first: " + told.firstUntypedError()));
    return checks;
  }

  private static List<SoakCheck> counters(Connection session, Acknowledgements told) throws SQLException {
    Map<Long, Long> stored = pairs(session, "SELECT k, n FROM soak_counter");
    List<String> lost = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    long acknowledged = 0;
    long unknown = 0;
    Set<Long> keys = new HashSet<>(stored.keySet());
    keys.addAll(told.increments.keySet());
    for (long key : keys) {
      long acked = count(told.increments, key);
      long maybe = count(told.incrementsUnknown, key);
      long n = stored.getOrDefault(key, 0L);
      acknowledged += acked;
      unknown += maybe;
      if (n < acked) {
        lost.add("counter " + key + ": " + n + " < " + acked + " acknowledged");
      }
      if (n > acked + maybe) {
        unexplained.add("counter " + key + ": " + n + " > " + acked + " acknowledged + " + maybe + " unknown");
      }
    }
    long total = stored.values().stream().mapToLong(Long::longValue).sum();
    return List.of(
        new SoakCheck("no acknowledged increment lost", lost.isEmpty(),
            acknowledged + " increments acknowledged, " + total + " counted" + (lost.isEmpty() ? "" : "; " + lost)),
        new SoakCheck("no increment counted that no caller sent", unexplained.isEmpty(),
            unknown + " increments ended with the connection lost (outcome unknown), "
                + (total - acknowledged) + " of them counted" + (unexplained.isEmpty() ? "" : "; " + unexplained)));
  }

  private static long count(Map<Long, AtomicLong> counts, long key) {
    AtomicLong count = counts.get(key);
    return count == null ? 0 : count.get();
  }

  private static List<SoakCheck> transfers(Connection session, Acknowledgements told) throws SQLException {
    Map<Long, Long> balances = pairs(session, "SELECT id, balance FROM soak_account");
    Map<Long, Long> expected = new HashMap<>();
    balances.keySet().forEach(id -> expected.put(id, SoakCaller.OPENING_BALANCE));
    Set<String> ledger = new HashSet<>();
    try (Statement statement = session.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, from_id, to_id, amount FROM soak_ledger")) {
      while (rows.next()) {
        ledger.add(rows.getString(1));
        expected.merge(rows.getLong(2), -rows.getLong(4), Long::sum);
        expected.merge(rows.getLong(3), rows.getLong(4), Long::sum);
      }
    }
    long total = balances.values().stream().mapToLong(Long::longValue).sum();
    long opening = SoakCaller.ACCOUNTS * SoakCaller.OPENING_BALANCE;
    Set<String> missing = new HashSet<>(told.transfers);
    missing.removeAll(ledger);
    Set<String> failedButCommitted = new HashSet<>(told.transfersFailed.keySet());
    failedButCommitted.retainAll(ledger);
    Set<String> theirErrors = new java.util.TreeSet<>();
    failedButCommitted.forEach(id -> theirErrors.add(told.transfersFailed.get(id)));
    long unknownCommitted = told.transfersUnknown.stream().filter(ledger::contains).count();
    return List.of(
        new SoakCheck("money neither created nor destroyed", total == opening,
            "sum of balances " + total + ", opening " + opening),
        new SoakCheck("every balance equals the ledger", balances.equals(expected),
            ledger.size() + " ledger rows" + (balances.equals(expected) ? "" : "; balances " + balances
                + ", ledger says " + expected)),
        new SoakCheck("every acknowledged transfer committed", missing.isEmpty(),
            told.transfers.size() + " acknowledged, missing from the ledger: " + missing.size()),
        new SoakCheck("no transfer reported as failed was committed", failedButCommitted.isEmpty(),
            told.transfersFailed.size() + " failed, " + failedButCommitted.size() + " of them in the ledger"
                + (theirErrors.isEmpty() ? "" : "; their errors: " + theirErrors)),
        new SoakCheck("commit outcome unknown, settled by the ledger", true,
            told.transfersUnknown.size() + " unknown: " + unknownCommitted + " committed, "
                + (told.transfersUnknown.size() - unknownCommitted) + " not"));
  }

  /**
   * What the plain-JDBC contrast calls did to their tables: duplicates, lost increments, money
   * created or destroyed. A finding that did not pass is the anomaly racefree's calls avoid.
   */
  static List<SoakCheck> contrast(LabDatabase database, Acknowledgements told) throws SQLException {
    try (Connection session = database.openSession()) {
      long rows = longs(session, "SELECT COUNT(*) FROM soak_naive_item").get(0);
      long keys = longs(session, "SELECT COUNT(DISTINCT k) FROM soak_naive_item").get(0);
      long counted = longs(session, "SELECT COALESCE(SUM(n), 0) FROM soak_naive_counter").get(0);
      long acknowledged = told.naiveIncrements.get();
      long money = longs(session, "SELECT COALESCE(SUM(balance), 0) FROM soak_naive_account").get(0);
      long opening = NaiveCaller.ACCOUNTS * SoakCaller.OPENING_BALANCE;
      return List.of(
          new SoakCheck("get-or-create as SELECT, then INSERT: no duplicate rows", rows == keys,
              rows + " rows for " + keys + " keys: " + (rows - keys) + " duplicates"),
          new SoakCheck("increment as read, then write back: no increment lost", counted >= acknowledged,
              acknowledged + " increments acknowledged, " + counted + " counted"
                  + (counted < acknowledged ? ": " + (acknowledged - counted) + " lost" : "")),
          new SoakCheck("transfer as read balances, then write them back: money kept", money == opening,
              "sum of balances " + money + ", opening " + opening
                  + (money == opening ? "" : money > opening ? ": " + (money - opening) + " created"
                      : ": " + (opening - money) + " destroyed")));
    }
  }

  private static List<Long> longs(Connection session, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (Statement statement = session.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getLong(1));
      }
    }
    return values;
  }

  private static Map<Long, Long> pairs(Connection session, String sql) throws SQLException {
    Map<Long, Long> values = new HashMap<>();
    try (Statement statement = session.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return values;
  }
}
