package io.racefree.lab.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.LabDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak's checks catch what they are there to catch: tables that disagree with what the
 * callers were told, set up by hand on H2.
 */
@Tag("h2")
class SoakChecksIT {
  private final EmbeddedTargets embedded = new EmbeddedTargets();
  private LabDatabase database;
  private final Acknowledgements told = new Acknowledgements();

  @BeforeEach
  void tables() throws Exception {
    database = LabDatabase.open(embedded.targets().get(0));
    SoakTables.create(database);
  }

  @AfterEach
  void close() {
    database.close();
    embedded.close();
  }

  private Map<String, SoakCheck> checks() throws Exception {
    return SoakChecks.fromTheTables(database, told).stream()
        .collect(Collectors.toMap(SoakCheck::name, check -> check));
  }

  @Test
  void consistentTablesPassEveryCheck() throws Exception {
    database.execute("INSERT INTO soak_item (k, v) VALUES (7, 1)", "INSERT INTO soak_counter (k, n) VALUES (3, 2)",
        "UPDATE soak_account SET balance = balance - 5 WHERE id = 1",
        "UPDATE soak_account SET balance = balance + 5 WHERE id = 2",
        "INSERT INTO soak_ledger (id, from_id, to_id, amount) VALUES ('t1', 1, 2, 5)");
    told.createdKeys.add(7L);
    told.increment(3);
    told.increment(3);
    told.transfers.add("t1");
    assertThat(checks().values()).allSatisfy(check -> assertThat(check.passed()).as(check.name()).isTrue());
  }

  @Test
  void aMissingRowALostIncrementAndAnUnrecordedTransferAreCaught() throws Exception {
    database.execute("INSERT INTO soak_counter (k, n) VALUES (3, 1)",
        "UPDATE soak_account SET balance = balance - 5 WHERE id = 1");
    told.createdKeys.add(7L);
    told.increment(3);
    told.increment(3);
    told.transfers.add("t1");
    Map<String, SoakCheck> checks = checks();
    assertThat(failed(checks)).containsExactlyInAnyOrder(
        "every get-or-create row a caller got is there", "no acknowledged increment lost",
        "money neither created nor destroyed", "every balance equals the ledger",
        "every acknowledged transfer committed");
  }

  @Test
  void aCommitReportedAsFailedAnUnexplainedIncrementAndOverlappingJobsAreCaught() throws Exception {
    database.execute("INSERT INTO soak_counter (k, n) VALUES (3, 2)",
        "UPDATE soak_account SET balance = balance - 5 WHERE id = 1",
        "UPDATE soak_account SET balance = balance + 5 WHERE id = 2",
        "INSERT INTO soak_ledger (id, from_id, to_id, amount) VALUES ('t1', 1, 2, 5)");
    told.increment(3);
    told.transfersFailed.put("t1", "DeadlockException DEADLOCK: deadlock");
    told.jobRan("soak-job-1", 100, 200);
    told.jobRan("soak-job-1", 150, 250);
    told.untyped(new IllegalStateException("boom"));
    assertThat(failed(checks())).containsExactlyInAnyOrder(
        "no increment counted that no caller sent", "no transfer reported as failed was committed",
        "no job ran while another caller held its lock", "every error that reached a caller was typed");
  }

  @Test
  void theContrastReportsDuplicatesLostIncrementsAndMoneyOutOfNothing() throws Exception {
    assertThat(failed(contrast())).isEmpty();
    database.execute("INSERT INTO soak_naive_item (k, v) VALUES (1, 1)", "INSERT INTO soak_naive_item (k, v) VALUES (1, 1)",
        "INSERT INTO soak_naive_item (k, v) VALUES (2, 1)", "UPDATE soak_naive_counter SET n = 2 WHERE k = 0",
        "UPDATE soak_naive_account SET balance = balance + 7 WHERE id = 1");
    told.naiveIncrements.addAndGet(3);
    Map<String, SoakCheck> contrast = contrast();
    assertThat(failed(contrast)).hasSize(3);
    assertThat(contrast.values()).extracting(SoakCheck::detail).containsExactlyInAnyOrder(
        "3 rows for 2 keys: 1 duplicates", "3 increments acknowledged, 2 counted: 1 lost",
        "sum of balances " + (4 * SoakCaller.OPENING_BALANCE + 7) + ", opening " + 4 * SoakCaller.OPENING_BALANCE
            + ": 7 created");
  }

  @Test
  void workerProcessesSeeEachOthersSessions() throws Exception {
    SoakSessions soak = new SoakSessions(database, true);
    SoakSessions worker = new SoakSessions(database, true);
    try (java.sql.Connection workerSession = worker.getConnection()) {
      List<Long> ids = soak.ids();
      assertThat(ids).hasSize(1).isEqualTo(worker.ids());
      soak.forget(ids.get(0));
      assertThat(worker.ids()).as("forgotten in the table; the worker still knows its own").hasSize(1);
      assertThat(new SoakSessions(database, true).ids()).isEmpty();
    }
  }

  private Map<String, SoakCheck> contrast() throws Exception {
    return SoakChecks.contrast(database, told).stream().collect(Collectors.toMap(SoakCheck::name, check -> check));
  }

  private static List<String> failed(Map<String, SoakCheck> checks) {
    return checks.values().stream().filter(check -> !check.passed()).map(SoakCheck::name).toList();
  }
}
