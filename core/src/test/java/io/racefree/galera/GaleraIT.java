package io.racefree.galera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.racefree.Database;
import io.racefree.Row;
import io.racefree.dialect.GaleraDialect;
import io.racefree.dialect.MariaDbDialect;
import io.racefree.error.CertificationConflictException;
import io.racefree.error.NodeNotReadyException;
import io.racefree.error.RacefreeException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.lock.Assignments;
import io.racefree.lock.RowLock;
import io.racefree.lock.TableLock;
import io.racefree.testing.db.TestDatabases;
import io.racefree.testing.galera.GaleraCluster;
import io.racefree.tx.RetryAttempt;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * racefree on a 3-node MariaDB Galera cluster started by the testing kit: cross-node interleavings
 * (a session on one node runs to its commit while another node's transaction is open, which on
 * Galera never blocks) and a stress run with threads on all three nodes.
 */
class GaleraIT {
  private static GaleraCluster cluster;
  private static final List<HikariDataSource> pools = new ArrayList<>();
  private static final List<Database> nodes = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws SQLException {
    assumeTrue(GaleraCluster.unavailableReason().isEmpty(), () -> GaleraCluster.unavailableReason().orElse(""));
    cluster = GaleraCluster.shared();
    try (Connection connection = cluster.connect(0); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS tag (id INT AUTO_INCREMENT PRIMARY KEY,"
          + " name VARCHAR(40) NOT NULL UNIQUE, label VARCHAR(40))");
      statement.execute("CREATE TABLE IF NOT EXISTS note (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40))");
      statement.execute("CREATE TABLE IF NOT EXISTS counter (name VARCHAR(40) PRIMARY KEY, hits INT NOT NULL)");
    }
    for (int i = 0; i < 3; i++) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(cluster.node(i).jdbcUrl("test"));
      config.setUsername("root");
      config.setPassword("");
      config.setMaximumPoolSize(4);
      HikariDataSource pool = new HikariDataSource(config);
      pools.add(pool);
      nodes.add(Database.of(pool));
    }
  }

  @AfterAll
  static void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void aGaleraNodeIsDetectedWithItsClusterAndASingleServerIsNot() {
    assertThat(nodes.get(0).dialect()).isInstanceOf(GaleraDialect.class);
    GaleraDialect dialect = (GaleraDialect) nodes.get(1).dialect();
    assertThat(dialect.clusterSize()).isEqualTo(3);
    assertThat(dialect.clusterStatus()).isEqualTo("Primary");
    assertThat(dialect.providerVersion()).startsWith("4.");
    assertThat(dialect.toString()).contains("Galera", "wsrep_cluster_size 3");

    Database single = Database.of(TestDatabases.mariadb().dataSource());
    assertThat(single.dialect()).isInstanceOf(MariaDbDialect.class).isNotInstanceOf(GaleraDialect.class);
  }

  @Test
  void aCreatorThatLosesOnCommitToAnotherNodeIsRetriedAndReturnsTheWinnersRow() {
    List<RacefreeException> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger attempts = new AtomicInteger();
    Map<String, Object> lookup = Map.of("name", "commit-loser");
    RetryPolicy retry = RetryPolicy.standard().withListener((RetryAttempt attempt) -> failures.add(attempt.failure()));
    Row[] winner = new Row[1];

    var result = nodes.get(0).withTransaction(TransactionOptions.defaults().withRetry(retry), tx -> {
      var mine = tx.getOrCreate("tag", lookup, Map.of("label", "n1"));
      if (attempts.incrementAndGet() == 1) {
        assertThat(mine.created()).isTrue();
        // n1's transaction holds its uncommitted row; n2 does not wait for it and commits first.
        var other = nodes.get(1).getOrCreate("tag", lookup, Map.of("label", "n2"));
        assertThat(other.created()).isTrue();
        winner[0] = other.row();
      }
      return mine;
    });

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(failures).singleElement().isInstanceOf(CertificationConflictException.class)
        .satisfies(f -> assertThat(f.getMessage()).contains("certification conflict").contains("1213"));
    assertThat(failures.get(0).isRetryable()).isTrue();
    assertThat(result.created()).isFalse();
    assertThat(result.row().get("id")).isEqualTo(winner[0].get("id"));
    assertThat(result.row().get("label")).isEqualTo("n2");
    assertThat(countOn(2, "SELECT COUNT(*) FROM tag WHERE name = 'commit-loser'")).isEqualTo(1);
  }

  @Test
  void dbGetOrCreateOnAnotherNodeNeedsNoCallerRetryWhenAnotherNodeCreatesTheRowMidway() {
    Map<String, Object> lookup = Map.of("name", "midway");
    AtomicInteger supplied = new AtomicInteger();
    Row[] winner = new Row[1];
    Supplier<String> label = () -> {
      if (supplied.incrementAndGet() == 1) {
        // After n2 found no row and before it inserts, n1 creates and commits the same key.
        winner[0] = nodes.get(0).getOrCreate("tag", lookup, Map.of("label", "n1")).row();
      }
      return "n2";
    };

    var result = nodes.get(1).getOrCreate("tag", lookup, Map.of("label", label));

    assertThat(result.created()).isFalse();
    assertThat(result.row().get("id")).isEqualTo(winner[0].get("id"));
    assertThat(result.row().get("label")).isEqualTo("n1");
    assertThat(countOn(0, "SELECT COUNT(*) FROM tag WHERE name = 'midway'")).isEqualTo(1);
  }

  @Test
  void updateOrCreateLosingToAnotherNodeIsRetriedWithoutLosingTheOtherNodesIncrement() {
    Map<String, Object> lookup = Map.of("name", "uoc");
    AtomicInteger attempts = new AtomicInteger();
    nodes.get(0).updateOrCreate("counter", lookup, Assignments.add("hits", 1), Map.of("hits", 1));
    nodes.get(0).withTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
      tx.updateOrCreate("counter", lookup, Assignments.add("hits", 10), Map.of("hits", 10));
      if (attempts.incrementAndGet() == 1) {
        nodes.get(1).updateOrCreate("counter", lookup, Assignments.add("hits", 100), Map.of("hits", 100));
      }
      return null;
    });
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(countOn(2, "SELECT hits FROM counter WHERE name = 'uoc'")).isEqualTo(111);
  }

  @Test
  void aRowLockedAndWrittenOnOneNodeLosesToAnotherNodesWriteAndIsRetriedWithoutALostUpdate() {
    Map<String, Object> lookup = Map.of("name", "rmw");
    nodes.get(0).updateOrCreate("counter", lookup, Map.of("hits", 0), Map.of("hits", 0));
    AtomicInteger attempts = new AtomicInteger();
    List<RacefreeException> failures = Collections.synchronizedList(new ArrayList<>());
    RetryPolicy retry = RetryPolicy.standard().withListener((RetryAttempt attempt) -> failures.add(attempt.failure()));

    nodes.get(0).withTransaction(TransactionOptions.defaults().withRetry(retry), tx -> {
      Row locked = tx.lockRows("counter", lookup, RowLock.forUpdate()).get(0);
      if (attempts.incrementAndGet() == 1) {
        // n2 does not wait for n1's row lock: its write commits at once.
        int updated = nodes.get(1).withTransaction(other -> other.update("counter", lookup, Map.of("hits", 100)));
        assertThat(updated).isEqualTo(1);
      }
      tx.update("counter", lookup, Map.of("hits", ((Number) locked.get("hits")).intValue() + 1));
      return null;
    });

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(failures).singleElement().isInstanceOf(CertificationConflictException.class);
    assertThat(countOn(2, "SELECT hits FROM counter WHERE name = 'rmw'")).isEqualTo(101);
  }

  @Test
  void aRowLockWithoutAWriteExcludesNobodyOnAnotherNode() {
    Map<String, Object> lookup = Map.of("name", "mutex");
    nodes.get(0).updateOrCreate("counter", lookup, Map.of("hits", 0), Map.of("hits", 0));
    countOn(1, "SELECT COUNT(*) FROM counter WHERE name = 'mutex'");
    List<Row> heldOnSecondNode = new ArrayList<>();
    nodes.get(0).withTransaction(tx -> {
      tx.lockRows("counter", lookup, RowLock.forUpdate());
      heldOnSecondNode.addAll(nodes.get(1).withTransaction(
          other -> other.lockRows("counter", lookup, RowLock.forUpdate())));
      return null;
    });
    // Both transactions "held" the row lock at once and both committed: docs/galera.md says so.
    assertThat(heldOnSecondNode).hasSize(1);
  }

  @Test
  void namedLocksTheCreatorLockSessionLocksAndTableLocksAreRefused() {
    Database n1 = nodes.get(0);
    assertThatThrownBy(() -> n1.withTransaction(tx -> {
      tx.lock("jobs");
      return null;
    })).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Galera").hasMessageContaining("GET_LOCK is local to one node");
    assertThatThrownBy(() -> n1.withLock("jobs", session -> null))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("Galera");
    assertThatThrownBy(() -> n1.getOrCreate("note", Map.of("name", "no key"), Map.of()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("GET_LOCK is local to one node");
    assertThatThrownBy(() -> n1.withTransaction(tx -> {
      tx.lockTables(List.of(TableLock.exclusive("note")), false);
      return null;
    })).isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("Galera");
    assertThat(countOn(0, "SELECT COUNT(*) FROM note")).isZero();
  }

  @Test
  void aNodeOutsideThePrimaryComponentIsATypedErrorThatSaysUseAnotherNode() throws SQLException {
    try (Connection admin = cluster.connect(2); Statement statement = admin.createStatement()) {
      // wsrep_reject_queries makes the node answer as one outside the primary component does.
      statement.execute("SET GLOBAL wsrep_reject_queries = ALL");
      try {
        Database n3 = Database.of(pools.get(2));
        assertThatThrownBy(() -> n3.withTransaction(tx -> tx.query("SELECT COUNT(*) FROM tag")))
            .isInstanceOf(NodeNotReadyException.class)
            .hasMessageContaining("1047").hasMessageContaining("another node");
      } finally {
        statement.execute("SET GLOBAL wsrep_reject_queries = NONE");
      }
    }
  }

  @Test
  void stressWithThreadsOnAllThreeNodesLeavesNoDuplicateNoLostUpdateAndNoEscapingError() throws Exception {
    int threadsPerNode = 3;
    int rounds = 40;
    List<String> names = List.of("s0", "s1", "s2", "s3");
    Map<String, Long> ids = new ConcurrentHashMap<>();
    AtomicInteger increments = new AtomicInteger();
    List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(3 * threadsPerNode);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 3 * threadsPerNode; t++) {
        Database db = nodes.get(t % 3);
        int seed = t;
        futures.add(pool.submit(() -> {
          for (int r = 0; r < rounds; r++) {
            String name = names.get((seed + r) % names.size());
            try {
              Row row = db.getOrCreate("tag", Map.of("name", name), Map.of("label", "stress")).row();
              Long previous = ids.putIfAbsent(name, ((Number) row.get("id")).longValue());
              if (previous != null && previous != ((Number) row.get("id")).longValue()) {
                escaped.add(new AssertionError(name + " has two ids: " + previous + " and " + row.get("id")));
              }
              db.updateOrCreate("counter", Map.of("name", "stress-" + name), Assignments.add("hits", 1),
                  Map.of("hits", 1));
              increments.incrementAndGet();
            } catch (Throwable e) {
              escaped.add(e);
            }
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(escaped).isEmpty();
    for (int node = 0; node < 3; node++) {
      assertThat(countOn(node, "SELECT COUNT(*) FROM tag WHERE name LIKE 's_'")).isEqualTo(names.size());
      assertThat(countOn(node, "SELECT SUM(hits) FROM counter WHERE name LIKE 'stress-%'"))
          .isEqualTo(increments.get()).isEqualTo(3 * threadsPerNode * rounds);
    }
  }

  /** A causal read on node {@code index}: waits until the node applied what the cluster committed. */
  private static long countOn(int index, String sql) {
    try (Connection connection = cluster.connect(index); Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION wsrep_sync_wait = 1");
      try (ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
