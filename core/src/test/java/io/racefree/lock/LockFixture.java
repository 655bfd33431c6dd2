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

  @Override
  public void close() throws SQLException {
    if (observer != null) {
      observer.close();
    }
  }
}
