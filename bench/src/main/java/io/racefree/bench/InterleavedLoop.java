package io.racefree.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.testing.Engine;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.UpsertOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-connection loop on PostgreSQL that interleaves, round by round, racefree's insert-first
 * get-or-create of new keys with the floor's upsert and with racefree's own SQL sent by hand, and
 * prints each one's median microseconds per call: where the bench's one-second rounds are too
 * noisy to tell racefree's cost from the run's spread. Run after {@code bench/run} has built the
 * module: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * io.racefree.bench.InterleavedLoop [calls per round] [rounds]}.
 *
 * <p>Not thread-safe: one run per JVM.
 */
public final class InterleavedLoop {
  private static final String FLOOR = NativeSql.getOrCreateUpsert(Engine.POSTGRESQL);
  private static final String RACEFREE_SQL = "INSERT INTO \"item\" (\"k\") VALUES (?) ON CONFLICT (\"k\") DO NOTHING RETURNING *";

  private InterleavedLoop() {}

  public static void main(String[] args) throws SQLException {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    try (TestDatabase database = TestDatabases.postgres(); HikariDataSource pool = onePool(database)) {
      database.execute("CREATE TABLE item (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " k VARCHAR(64) NOT NULL UNIQUE, v INT)");
      Database db = Database.of(pool);
      TransactionOptions retry = TransactionOptions.defaults().withRetry(RetryPolicy.standard());
      UpsertOptions insertFirst = UpsertOptions.defaults().withInsertFirst();
      Map<String, List<Long>> micros = new LinkedHashMap<>();
      for (int round = 0; round <= rounds; round++) {
        for (String contender : List.of("racefree insert-first", "floor", "racefree's SQL by hand")) {
          long started = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            String key = contender.charAt(0) + "-" + contender.length() + "-" + round + "-" + i;
            switch (contender) {
              case "racefree insert-first" -> db.getOrCreate("item", Map.of("k", key), Map.of(), insertFirst, retry);
              case "floor" -> byHand(pool, FLOOR, key);
              default -> byHand(pool, RACEFREE_SQL, key);
            }
          }
          if (round > 0) { // round 0 warms up
            micros.computeIfAbsent(contender, c -> new ArrayList<>()).add((System.nanoTime() - started) / calls / 1000);
          }
        }
      }
      micros.forEach((contender, perRound) -> {
        List<Long> sorted = new ArrayList<>(perRound);
        Collections.sort(sorted);
        System.out.println(contender + ": median " + sorted.get(sorted.size() / 2) + " µs per call, rounds " + perRound);
      });
    }
  }

  private static HikariDataSource onePool(TestDatabase database) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(1);
    return new HikariDataSource(config);
  }

  private static void byHand(HikariDataSource pool, String sql, String key) throws SQLException {
    try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
      }
    }
  }
}
