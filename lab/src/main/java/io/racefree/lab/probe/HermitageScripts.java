package io.racefree.lab.probe;

import static io.racefree.lab.probe.ProbeStep.COMMIT;
import static io.racefree.lab.probe.ProbeStep.ROLLBACK;

import java.util.List;
import java.util.Map;

/**
 * The probe's interleavings, transcribed from Hermitage's PostgreSQL and MySQL test scripts
 * (https://github.com/ept/hermitage, {@code postgres.md} and {@code mysql.md}), on the table
 * {@code test (id int primary key, value int)} holding (1, 10) and (2, 20). Where Hermitage has
 * several tests for one anomaly each is a variant; the anomaly shows if any variant shows it.
 *
 * <p>Constants only; thread-safe.
 */
final class HermitageScripts {
  private static final String ALL = "SELECT id, value FROM test ORDER BY id";

  private HermitageScripts() {}

  /** Variants per anomaly name, in the catalog's order. */
  static Map<String, List<ProbeVariant>> all() {
    return Map.of(
        "G0", List.of(g0()),
        "G1a", List.of(g1a()),
        "G1b", List.of(g1b()),
        "G1c", List.of(g1c()),
        "OTV", List.of(otv()),
        "PMP", List.of(pmpRead(), pmpWrite()),
        "P4", List.of(p4()),
        "G-single", List.of(gSingle(), gSinglePredicate(), gSingleWritePredicate()),
        "G2-item", List.of(g2Item()),
        "G2", List.of(g2(), g2Fekete()));
  }

  /**
   * Dirty write: the final state mixes the two transactions' writes. A session whose statement
   * failed did not write (and its later statements may run in a new transaction).
   */
  static ProbeVariant g0() {
    return ProbeVariant.named("write cycle")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t2("UPDATE test SET value = 12 WHERE id = 1")
        .t1("UPDATE test SET value = 21 WHERE id = 2")
        .t1(COMMIT)
        .t2("UPDATE test SET value = 22 WHERE id = 2")
        .t2(COMMIT)
        .anomalyWhen(seen -> !seen.anyFailed() && mixed(seen.finalValue(1), seen.finalValue(2)));
  }

  private static boolean mixed(Long one, Long two) {
    return one != null && two != null
        && ((one == 11 && two == 22) || (one == 12 && two == 21));
  }

  static ProbeVariant g1a() {
    return ProbeVariant.named("aborted read")
        .t1("UPDATE test SET value = 101 WHERE id = 1")
        .t2(ALL, "first")
        .t1(ROLLBACK)
        .t2(ALL, "second")
        .t2(COMMIT)
        .anomalyWhen(seen -> seen.value("first", 1, 101) || seen.value("second", 1, 101));
  }

  static ProbeVariant g1b() {
    return ProbeVariant.named("intermediate read")
        .t1("UPDATE test SET value = 101 WHERE id = 1")
        .t2(ALL, "first")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t1(COMMIT)
        .t2(ALL, "second")
        .t2(COMMIT)
        .anomalyWhen(seen -> seen.value("first", 1, 101) || seen.value("second", 1, 101));
  }

  static ProbeVariant g1c() {
    return ProbeVariant.named("circular information flow")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t2("UPDATE test SET value = 22 WHERE id = 2")
        .t1("SELECT id, value FROM test WHERE id = 2", "t1 reads 2")
        .t2("SELECT id, value FROM test WHERE id = 1", "t2 reads 1")
        .t1(COMMIT)
        .t2(COMMIT)
        .anomalyWhen(seen -> seen.value("t1 reads 2", 2, 22) && seen.value("t2 reads 1", 1, 11));
  }

  /** T3 sees T2's write, then the older T1 value that T2 overwrote. */
  static ProbeVariant otv() {
    return ProbeVariant.named("observed transaction vanishes")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t1("UPDATE test SET value = 19 WHERE id = 2")
        .t2("UPDATE test SET value = 12 WHERE id = 1")
        .t1(COMMIT)
        .t3(ALL, "r1")
        .t2("UPDATE test SET value = 18 WHERE id = 2")
        .t3(ALL, "r2")
        .t2(COMMIT)
        .t3(ALL, "r3")
        .t3(COMMIT)
        .anomalyWhen(HermitageScripts::vanished);
  }

  private static boolean vanished(Seen seen) {
    boolean sawT2 = false;
    for (String read : List.of("r1", "r2", "r3")) {
      List<long[]> rows = seen.step(read).rows();
      for (long[] row : rows == null ? List.<long[]>of() : rows) {
        if (row[1] == 12 || row[1] == 18) {
          sawT2 = true;
        } else if (sawT2 && (row[1] == 11 || row[1] == 19)) {
          return true;
        }
      }
    }
    return false;
  }

  static ProbeVariant pmpRead() {
    return ProbeVariant.named("predicate read")
        .t1("SELECT id, value FROM test WHERE value = 30", "before")
        .t2("INSERT INTO test (id, value) VALUES (3, 30)")
        .t2(COMMIT)
        .t1("SELECT id, value FROM test WHERE value % 3 = 0", "after")
        .t1(COMMIT)
        .anomalyWhen(seen -> seen.step("after").hasRows());
  }

  /** PostgreSQL documentation's example: T2 still sees value 20 after deleting value = 20. */
  static ProbeVariant pmpWrite() {
    return ProbeVariant.named("predicate write")
        .t1("UPDATE test SET value = value + 10")
        .t2("SELECT id, value FROM test WHERE value = 20", "before")
        .t2("DELETE FROM test WHERE value = 20", "delete")
        .t1(COMMIT)
        .t2("SELECT id, value FROM test WHERE value = 20", "after")
        .t2(COMMIT)
        .anomalyWhen(seen -> !seen.step("delete").failed() && seen.step("after").hasRows());
  }

  /** Both read 10 and write 11: if both commit, one increment is lost. */
  static ProbeVariant p4() {
    return ProbeVariant.named("lost update")
        .t1("SELECT id, value FROM test WHERE id = 1")
        .t2("SELECT id, value FROM test WHERE id = 1")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t2("UPDATE test SET value = 11 WHERE id = 1")
        .t1(COMMIT)
        .t2(COMMIT)
        .anomalyWhen(seen -> !seen.failed(0) && !seen.failed(1)
            && Long.valueOf(11).equals(seen.finalValue(1)));
  }

  static ProbeVariant gSingle() {
    return ProbeVariant.named("read skew")
        .t1("SELECT id, value FROM test WHERE id = 1", "t1 reads 1")
        .t2("SELECT id, value FROM test WHERE id = 1")
        .t2("SELECT id, value FROM test WHERE id = 2")
        .t2("UPDATE test SET value = 12 WHERE id = 1")
        .t2("UPDATE test SET value = 18 WHERE id = 2")
        .t2(COMMIT)
        .t1("SELECT id, value FROM test WHERE id = 2", "t1 reads 2")
        .t1(COMMIT)
        .anomalyWhen(seen -> seen.value("t1 reads 1", 1, 10) && seen.value("t1 reads 2", 2, 18));
  }

  static ProbeVariant gSinglePredicate() {
    return ProbeVariant.named("read skew, predicate dependencies")
        .t1("SELECT id, value FROM test WHERE value % 5 = 0", "before")
        .t2("UPDATE test SET value = 12 WHERE value = 10")
        .t2(COMMIT)
        .t1("SELECT id, value FROM test WHERE value % 3 = 0", "after")
        .t1(COMMIT)
        .anomalyWhen(seen -> seen.step("after").hasRows());
  }

  /** T1's delete acts on T2's values while its reads still show the old ones. */
  static ProbeVariant gSingleWritePredicate() {
    return ProbeVariant.named("read skew, write predicate")
        .t1("SELECT id, value FROM test WHERE id = 1", "t1 reads 1")
        .t2(ALL)
        .t2("UPDATE test SET value = 12 WHERE id = 1")
        .t2("UPDATE test SET value = 18 WHERE id = 2")
        .t2(COMMIT)
        .t1("DELETE FROM test WHERE value = 20", "delete")
        .t1("SELECT id, value FROM test WHERE id = 2", "t1 reads 2")
        .t1(COMMIT)
        .anomalyWhen(seen -> !seen.step("delete").failed() && seen.value("t1 reads 2", 2, 20));
  }

  static ProbeVariant g2Item() {
    return ProbeVariant.named("write skew")
        .t1("SELECT id, value FROM test WHERE id IN (1, 2)")
        .t2("SELECT id, value FROM test WHERE id IN (1, 2)")
        .t1("UPDATE test SET value = 11 WHERE id = 1")
        .t2("UPDATE test SET value = 21 WHERE id = 2")
        .t1(COMMIT)
        .t2(COMMIT)
        .anomalyWhen(seen -> !seen.failed(0) && !seen.failed(1)
            && Long.valueOf(11).equals(seen.finalValue(1))
            && Long.valueOf(21).equals(seen.finalValue(2)));
  }

  static ProbeVariant g2() {
    return ProbeVariant.named("anti-dependency cycle")
        .t1("SELECT id, value FROM test WHERE value % 3 = 0")
        .t2("SELECT id, value FROM test WHERE value % 3 = 0")
        .t1("INSERT INTO test (id, value) VALUES (3, 30)")
        .t2("INSERT INTO test (id, value) VALUES (4, 42)")
        .t1(COMMIT)
        .t2(COMMIT)
        .anomalyWhen(seen -> seen.finalValue(3) != null && seen.finalValue(4) != null);
  }

  /** Fekete et al.'s read-only anomaly: three transactions, two anti-dependency edges. */
  static ProbeVariant g2Fekete() {
    return ProbeVariant.named("Fekete et al., two anti-dependencies")
        .t1(ALL, "t1 reads")
        .t2("UPDATE test SET value = value + 5 WHERE id = 2")
        .t2(COMMIT)
        .t3(ALL, "t3 reads")
        .t3(COMMIT)
        .t1("UPDATE test SET value = 0 WHERE id = 1")
        .t1(COMMIT)
        .anomalyWhen(seen -> !seen.anyFailed()
            && seen.value("t1 reads", 2, 20)
            && seen.value("t3 reads", 1, 10) && seen.value("t3 reads", 2, 25)
            && Long.valueOf(0).equals(seen.finalValue(1)));
  }
}
