package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.Jdbc;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.Tally;
import io.racefree.testing.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import javax.sql.DataSource;

/**
 * Acquires and releases one of 20 named locks per call. While holding it the call marks the name
 * as held; seeing it already held is a broken mutual exclusion (an anomaly).
 */
public final class NamedLockWorkload implements Workload {
  static final int NAMES = 20;

  @Override
  public String name() {
    return "named-lock";
  }

  @Override
  public String description() {
    return "acquire and release one of 20 named locks";
  }

  @Override
  public boolean supports(Engine engine) {
    return engine == Engine.POSTGRESQL || engine == Engine.MARIADB;
  }

  /** Takes the lock on {@code name}, runs {@code critical} while holding it, releases it. */
  @FunctionalInterface
  interface Locker {
    void holding(String name, Runnable critical, Tally tally) throws Exception;
  }

  @Override
  public List<Contender> contenders(BenchDatabase database, int threads) {
    List<Contender> contenders = new ArrayList<>();
    Tally sessionTally = new Tally();
    RacefreeCalls.sessionLock(database).ifPresent(locker ->
        contenders.add(contender("racefree", Role.RACEFREE, RacefreeCalls.SESSION_LOCK, sessionTally, locker)));
    Tally txTally = new Tally();
    RacefreeCalls.transactionLock(database).ifPresent(locker ->
        contenders.add(contender("racefree-tx", Role.RACEFREE, RacefreeCalls.TRANSACTION_LOCK, txTally, locker)));
    boolean postgres = database.engine() == Engine.POSTGRESQL;
    contenders.add(contender("floor", Role.FLOOR, postgres
        ? "SELECT pg_advisory_lock(?); SELECT pg_advisory_unlock(?) (auto-commit, 64-bit key hashed in Java)"
        : "SELECT GET_LOCK(?, 20); SELECT RELEASE_LOCK(?)", new Tally(), sessionFloor(database.dataSource(), postgres)));
    if (postgres) {
      contenders.add(contender("floor-tx", Role.FLOOR,
          "one transaction: SELECT pg_advisory_xact_lock(?); COMMIT", new Tally(),
          (name, critical, tally) -> Jdbc.inTransaction(database.dataSource(), Jdbc.DEFAULT_ISOLATION, connection -> {
            select(connection, "SELECT pg_advisory_xact_lock(?)", key(name));
            critical.run();
            return null;
          })));
    }
    return contenders;
  }

  private static Locker sessionFloor(DataSource dataSource, boolean postgres) {
    return (name, critical, tally) -> Jdbc.autoCommit(dataSource, connection -> {
      Object lockKey = postgres ? key(name) : name;
      select(connection, postgres ? "SELECT pg_advisory_lock(?)" : "SELECT GET_LOCK(?, 20)", lockKey);
      try {
        critical.run();
      } finally {
        select(connection, postgres ? "SELECT pg_advisory_unlock(?)" : "SELECT RELEASE_LOCK(?)", lockKey);
      }
      return null;
    });
  }

  private static Contender contender(String name, Role role, String description, Tally tally, Locker locker) {
    AtomicIntegerArray holders = new AtomicIntegerArray(NAMES);
    String prefix = "bench-" + name + "-";
    return Contender.of(name, role, description, tally, t -> {
      int index = ThreadLocalRandom.current().nextInt(NAMES);
      locker.holding(prefix + index, () -> {
        if (holders.incrementAndGet(index) > 1) {
          t.anomaly();
        }
        holders.decrementAndGet(index);
      }, t);
    });
  }

  private static long key(String name) {
    long hash = 1125899906842597L;
    for (int i = 0; i < name.length(); i++) {
      hash = 31 * hash + name.charAt(i);
    }
    return hash;
  }

  private static void select(Connection connection, String sql, Object parameter) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next() || (rows.getObject(1) instanceof Number granted && granted.intValue() == 0)) {
          throw new SQLException(sql + " did not grant the lock");
        }
      }
    }
  }
}
