package io.racefree.lock;

import io.racefree.Transaction;
import io.racefree.testing.Interleaving;
import io.racefree.testing.SessionProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the lock contract tests share: the database, an observer connection, and the session probes
 * actors publish before they block. Not thread-safe except {@link #publish}/{@link #awaitBlocked}.
 */
final class LockFixture implements AutoCloseable {
  private final TestDb db;
  private final Map<String, SessionProbe> probes = new ConcurrentHashMap<>();
  private Connection observer;

  LockFixture(TestDb db) {
    this.db = db;
  }

  /** Records the session of {@code actor}'s transaction and reaches "{@code actor} ready". */
  void publish(Interleaving race, String actor, Transaction tx) {
    probes.put(actor, SessionProbe.of(tx.connection()));
    race.reach(actor + " ready");
  }

  /** Waits until {@code actor} (after its "ready" phase) waits on a lock in the database. */
  synchronized void awaitBlocked(Interleaving race, String actor) {
    race.await(actor + " ready");
    if (observer == null) {
      observer = db.rawConnection();
    }
    race.awaitBlocked(actor, observer, probes.get(actor));
  }

  /**
   * MariaDB 10.11 does not list a transaction waiting for an InnoDB row lock in INNODB_TRX (seen
   * here: the waiter runs "Statistics" and INNODB_TRX shows neither session), so the testing kit
   * cannot see that wait. This polls PROCESSLIST instead until {@code actor}'s session is running a
   * statement containing {@code fragment} for at least a second. Another actor holds the row, so
   * such a statement is waiting for it.
   */
  synchronized void awaitRunning(Interleaving race, String actor, String fragment) throws Exception {
    race.await(actor + " ready");
    if (observer == null) {
      observer = db.rawConnection();
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    try (java.sql.PreparedStatement poll = observer.prepareStatement("SELECT COUNT(*) FROM"
        + " information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query' AND TIME >= 1 AND INFO LIKE ?")) {
      poll.setLong(1, probes.get(actor).sessionId());
      poll.setString(2, "%" + fragment + "%");
      while (true) {
        try (java.sql.ResultSet rs = poll.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(actor + " never ran a statement containing '" + fragment + "'");
        }
        Thread.sleep(20); // polling the server, not ordering steps
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (observer != null) {
      observer.close();
    }
  }
}
