package io.racefree.lab.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.LabServers;
import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestDatabases;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short soak of the test suite: 12 s per engine, 8 callers on a pool of 4, every fault kind
 * the engine can take, one every second. Every invariant holds, every applicable fault was injected,
 * and every error a caller got was typed; the plain-JDBC contrast ran beside them. On the servers
 * and SQLite the soak runs once more with a worker process, whose callers' acknowledgements join the
 * checks. The restart fault is {@link SoakRestartIT}'s. The long run is {@code racefree soak
 * --duration 10m}.
 */
class SoakIT {
  private static final SoakSettings SHORT = new SoakSettings(12, 8, 4, EnumSet.allOf(FaultKind.class), 1, 42);
  private final EmbeddedTargets embedded = new EmbeddedTargets();

  @AfterEach
  void removeFiles() {
    embedded.close();
  }

  @Test
  @Tag("postgresql")
  void postgresql() throws Exception {
    soak(LabServers.target(TestDatabases.postgresServer()));
  }

  @Test
  @Tag("mariadb")
  void mariadb() throws Exception {
    soak(LabServers.target(TestDatabases.mariadbServer()));
  }

  @Test
  @Tag("postgresql")
  void postgresqlWithAWorkerProcess() throws Exception {
    soakInTwoProcesses(LabServers.target(TestDatabases.postgresServer()));
  }

  @Test
  @Tag("mariadb")
  void mariadbWithAWorkerProcess() throws Exception {
    soakInTwoProcesses(LabServers.target(TestDatabases.mariadbServer()));
  }

  @Test
  @Tag("sqlite")
  void sqliteWithAWorkerProcess() throws Exception {
    soakInTwoProcesses(embedded.targets().get(1));
  }

  @Test
  @Tag("h2")
  void anInMemoryH2DatabaseKeepsItsCallersInOneProcess() throws Exception {
    SoakResult result = soak(embedded.targets().get(0), SHORT.withProcesses(2));
    assertThat(result.processes()).isEqualTo(1);
    assertThat(SoakReport.terminal(List.of(result))).contains("in one process (an in-memory database lives in one"
        + " process; 2 were asked for)");
  }

  /**
   * The lock fault alone: a caller waiting for the held rows ends by its lock timeout or, on every
   * other session, by its shorter statement timeout; both arrive typed.
   */
  @Test
  @Tag("postgresql")
  void heldLocksEndWaitsByTheLockTimeoutAndByTheStatementTimeout() throws Exception {
    SoakSettings lockOnly = new SoakSettings(8, 8, 4, EnumSet.of(FaultKind.LOCK), 1, 42);
    SoakResult result = soak(LabServers.target(TestDatabases.postgresServer()), lockOnly);
    assertThat(result.errors()).containsKeys("LOCK_TIMEOUT", "QUERY_TIMEOUT");
  }

  @Test
  @Tag("h2")
  void h2() throws Exception {
    soak(embedded.targets().get(0));
  }

  @Test
  @Tag("sqlite")
  void sqlite() throws Exception {
    soak(embedded.targets().get(1));
  }

  private static void soakInTwoProcesses(Target target) throws Exception {
    SoakResult result = soak(target, SHORT.withProcesses(2));
    assertThat(result.processes()).isEqualTo(2);
    assertThat(result.checks()).anySatisfy(check -> {
      assertThat(check.name()).isEqualTo("every worker process ran to the end and reported");
      assertThat(check.detail()).startsWith("1 of 1 reported");
    });
  }

  static SoakResult soak(Target target) throws Exception {
    return soak(target, SHORT);
  }

  static SoakResult soak(Target target, SoakSettings settings) throws Exception {
    SoakResult result;
    List<FaultKind> applicable;
    try (LabDatabase database = LabDatabase.open(target)) {
      applicable = FaultInjector.applicable(settings, database.engine(), false);
      result = new SoakRun(database, (what, fraction) -> { }, null).run(settings);
    }
    assertThat(result.checks()).allSatisfy(check ->
        assertThat(check.passed()).as("%s: %s", check.name(), check.detail()).isTrue());
    assertThat(result.completed()).isPositive();
    assertThat(result.untypedErrors()).as(result.firstUntypedError()).isZero();
    assertThat(result.faults()).allSatisfy(fault ->
        assertThat(fault.detail()).as(fault.kind()).doesNotStartWith("could not inject"));
    assertThat(result.faults()).extracting(FaultEvent::kind)
        .containsAll(applicable.stream().map(FaultKind::label).toList());
    assertThat(result.callsPerSecond()).hasSizeGreaterThanOrEqualTo((int) settings.durationSeconds());
    assertThat(result.naiveCalls()).isPositive();
    assertThat(result.contrast()).hasSize(3);
    return result;
  }
}
