package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.racefree.Row;
import io.racefree.error.RacefreeException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.testing.Engine;
import io.racefree.testing.Interleaving;
import io.racefree.testing.Outcomes;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Setup and per-engine expectations shared by the upsert contracts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpsertContractBase {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int CREATORS = 4;

  UpsertDb d;

  abstract UpsertDb open();

  /** The isolation levels the engine supports; SQLite only has SERIALIZABLE. */
  abstract List<Isolation> isolations();

  @BeforeEach
  void createTables() {
    d = open();
    String id = d.idColumn();
    d.execute(
        "CREATE TABLE item (" + id + ", k VARCHAR(40) NOT NULL, v INT, note VARCHAR(40),"
            + " CONSTRAINT item_k_key UNIQUE (k))",
        "CREATE TABLE tag (" + id + ", k VARCHAR(40), v INT)",
        "CREATE TABLE pair (" + id + ", a INT NOT NULL, b INT, CONSTRAINT pair_ab_key UNIQUE (a, b))",
        "CREATE TABLE counter (" + id + ", k VARCHAR(40) NOT NULL, a INT DEFAULT 0 NOT NULL,"
            + " b INT DEFAULT 0 NOT NULL, CONSTRAINT counter_k_key UNIQUE (k))",
        "CREATE TABLE account (" + id + ", k VARCHAR(40) NOT NULL, email VARCHAR(80),"
            + " CONSTRAINT account_k_key UNIQUE (k), CONSTRAINT account_email_key UNIQUE (email))");
  }

  @AfterEach
  void dropTables() {
    d.close();
  }

  Engine engine() {
    return d.engine;
  }

  TransactionOptions options(Isolation isolation) {
    return TransactionOptions.isolation(isolation);
  }

  /** A row committed after the snapshot stays invisible to every read of the transaction. */
  boolean hidesNewRows(Isolation isolation) {
    boolean snapshot = isolation != Isolation.READ_COMMITTED;
    return engine() == Engine.SQLITE
        || (snapshot && (engine() == Engine.POSTGRESQL || engine() == Engine.H2))
        || (snapshot && mariaDbSnapshotIsolation());
  }

  /** MariaDB with innodb_snapshot_isolation=ON: a locking read of a newer row raises 1020. */
  boolean mariaDbSnapshotIsolation() {
    return false;
  }

  /** Where racefree refuses to get-or-create without a covering key. */
  boolean refusesWithoutKey(Isolation isolation) {
    return engine() == Engine.H2
        || (engine() == Engine.POSTGRESQL && isolation != Isolation.READ_COMMITTED);
  }

  /** Where the naive pattern duplicates rows no unique key protects. */
  boolean naiveDuplicates(Isolation isolation) {
    if (engine() == Engine.SQLITE) {
      return false; // one writer: the losers fail with SQLITE_BUSY instead
    }
    return isolation != Isolation.SERIALIZABLE || engine() == Engine.H2;
  }
}
