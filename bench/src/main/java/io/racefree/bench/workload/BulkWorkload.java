package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.CountingDataSource;
import io.racefree.bench.fixture.Jdbc;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.Tally;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Bulk get-or-create of 1,000 keys per call, half of them existing rows, sorted. Every contender
 * runs on connections that count statements, and reports the most one call needed.
 */
public final class BulkWorkload implements Workload {
  static final int KEYS = 1000;

  @Override
  public String name() {
    return "bulk-1000";
  }

  @Override
  public String description() {
    return "get-or-create of 1,000 keys in one call: 500 existing rows and 500 new keys, sorted";
  }

  @Override
  public List<Contender> contenders(BenchDatabase database, int threads) {
    List<Contender> contenders = new ArrayList<>();
    Tally racefreeTally = new Tally();
    RacefreeCalls.getOrCreateAll(database.countingRacefree(), racefreeTally).ifPresent(call ->
        contenders.add(contender("racefree", Role.RACEFREE, RacefreeCalls.BULK, threads, racefreeTally, call)));
    String sql = NativeSql.bulkGetOrCreateUpsert(database.engine(), KEYS);
    DataSource counting = database.countingDataSource();
    contenders.add(contender("floor", Role.FLOOR, "one statement: " + sql.replace(", (?)".repeat(KEYS - 1), ", ... (1,000 rows)"),
        threads, new Tally(), keys -> upsertAll(counting, sql, keys)));
    contenders.add(contender("jooq", Role.ALTERNATIVE,
        "jOOQ multi-row insertInto(item).values(...)x1000.onConflictDoNothing().returningResult(k), then select the rest",
        threads, new Tally(), keys -> database.countingJooq().getOrCreateAll(keys)));
    return contenders;
  }

  /** The floor's bulk form; returns the rows it got back. */
  static int upsertAll(DataSource dataSource, String sql, List<String> keys) throws java.sql.SQLException {
    return Jdbc.autoCommit(dataSource, connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(sql)) {
        for (int i = 0; i < keys.size(); i++) {
          upsert.setString(i + 1, keys.get(i));
        }
        int rows = 0;
        try (ResultSet result = upsert.executeQuery()) {
          while (result.next()) {
            rows++;
          }
        }
        if (rows != keys.size()) {
          throw new java.sql.SQLException("the bulk upsert returned " + rows + " rows for " + keys.size() + " keys");
        }
        return rows;
      }
    });
  }

  private static Contender contender(String name, Role role, String description, int threads, Tally ownTally,
      RacefreeCalls.BulkCall call) {
    AtomicLong counter = new AtomicLong();
    String prefix = "bulk-" + name + "-" + threads + "-";
    return Contender.of(name, role, description, ownTally, tally -> {
      List<String> keys = keys(prefix, counter);
      CountingDataSource.reset();
      call.getOrCreateAll(keys);
      tally.roundTrips(CountingDataSource.statements() + CountingDataSource.commits());
    });
  }

  private static List<String> keys(String prefix, AtomicLong counter) {
    int firstHot = ThreadLocalRandom.current().nextInt(Schema.HOT_ROWS - KEYS / 2 + 1);
    List<String> keys = new ArrayList<>(KEYS);
    for (int i = 0; i < KEYS / 2; i++) {
      keys.add("hot-" + (firstHot + i));
      keys.add(prefix + counter.incrementAndGet());
    }
    keys.sort(null);
    return keys;
  }
}
