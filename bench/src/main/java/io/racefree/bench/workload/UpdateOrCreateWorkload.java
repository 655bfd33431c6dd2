package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.HibernateClient;
import io.racefree.bench.fixture.Jdbc;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.fixture.SqlErrors;
import io.racefree.bench.harness.Check;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.Tally;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** update-or-create: set {@code v} of one of 20 keys per call (each contender on its own 20 keys). */
public final class UpdateOrCreateWorkload implements Workload {
  @Override
  public String name() {
    return "update-or-create-contended";
  }

  @Override
  public String description() {
    return "update-or-create of item(k) setting v, on 20 keys picked at random";
  }

  @Override
  public List<Contender> contenders(BenchDatabase database, int threads) {
    DataSource dataSource = database.dataSource();
    List<Contender> contenders = new ArrayList<>();
    Tally racefreeTally = new Tally();
    RacefreeCalls.updateOrCreate(database, racefreeTally).ifPresent(call -> contenders.add(
        contender(database, threads, "racefree", Role.RACEFREE, RacefreeCalls.UPDATE_OR_CREATE, racefreeTally, call)));
    String upsert = NativeSql.updateOrCreateUpsert(database.engine());
    contenders.add(contender(database, threads, "floor", Role.FLOOR, upsert, new Tally(), (key, value, tally) -> {
      Jdbc.autoCommit(dataSource, connection -> ItemSql.upsert(connection, upsert, key, value));
      return null;
    }));
    contenders.add(contender(database, threads, "naive", Role.NAIVE,
        "one transaction, default isolation: SELECT; UPDATE or INSERT; on duplicate SELECT and UPDATE", new Tally(),
        (key, value, tally) -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
            connection -> naive(connection, key, value))));
    contenders.add(contender(database, threads, "serializable", Role.FIX,
        "SERIALIZABLE: SELECT; UPDATE or INSERT; retry serialization failure, deadlock, duplicate", new Tally(),
        (key, value, tally) -> Jdbc.retrying(tally, e -> SqlErrors.isTransient(e) || SqlErrors.isDuplicateKey(e),
            () -> Jdbc.inTransaction(dataSource, Connection.TRANSACTION_SERIALIZABLE,
                connection -> setOrInsert(connection, key, value, "")))));
    if (NativeSql.hasSelectForUpdate(database.engine())) {
      contenders.add(contender(database, threads, "for-update", Role.FIX,
          "SELECT ... FOR UPDATE; UPDATE or INSERT; retry duplicate and deadlock", new Tally(),
          (key, value, tally) -> Jdbc.retrying(tally, e -> SqlErrors.isTransient(e) || SqlErrors.isDuplicateKey(e),
              () -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
                  connection -> setOrInsert(connection, key, value, " FOR UPDATE")))));
    }
    HibernateClient hibernate = database.hibernate();
    if (hibernate != null) {
      contenders.add(contender(database, threads, "jpa", Role.ALTERNATIVE,
          "Hibernate Session: find by k, set v or persist, commit; retry on ConstraintViolationException",
          new Tally(), (key, value, tally) -> hibernate.updateOrCreate(key, value, tally::retried)));
    }
    return contenders;
  }

  /** An update-or-create of one key to one value: true if it created the row, null if it cannot tell. */
  @FunctionalInterface
  interface ValueCall {
    Boolean call(String key, int value, Tally tally) throws Exception;
  }

  private static Boolean naive(Connection connection, String key, int value) throws SQLException {
    long id = ItemSql.find(connection, key, "");
    if (id >= 0) {
      ItemSql.setValue(connection, id, value);
      return false;
    }
    try {
      ItemSql.insert(connection, key, value);
      return true;
    } catch (SQLException e) {
      long other = SqlErrors.isDuplicateKey(e) ? ItemSql.find(connection, key, "") : -1;
      if (other < 0) {
        throw e;
      }
      ItemSql.setValue(connection, other, value);
      return false;
    }
  }

  private static Boolean setOrInsert(Connection connection, String key, int value, String suffix)
      throws SQLException {
    long id = ItemSql.find(connection, key, suffix);
    if (id >= 0) {
      ItemSql.setValue(connection, id, value);
      return false;
    }
    ItemSql.insert(connection, key, value);
    return true;
  }

  private static Contender contender(BenchDatabase database, int threads, String name, Role role,
      String description, Tally ownTally, ValueCall call) {
    String prefix = "uoc-" + name + "-" + threads + "-";
    return Contender.of(name, role, description, ownTally, tally -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      Boolean created = call.call(prefix + random.nextInt(Keys.CONTENDED_KEYS), random.nextInt(1_000_000), tally);
      if (created != null) {
        tally.created(created);
      }
    }).checkedBy(tally -> oneRowPerKey(database, prefix, tally));
  }

  private static Check.Anomalies oneRowPerKey(BenchDatabase database, String prefix, Tally tally) {
    long rows = Schema.countItems(database, prefix);
    long duplicates = Schema.duplicateItems(database, prefix);
    long wrongFlags = tally.created() > 0 ? Math.abs(rows - tally.created()) : 0;
    if (duplicates + wrongFlags == 0) {
      return Check.Anomalies.none();
    }
    return new Check.Anomalies(duplicates + wrongFlags, duplicates + " duplicate rows, " + wrongFlags
        + " calls whose created flag was wrong (" + rows + " rows, " + tally.created() + " reported created)");
  }
}
