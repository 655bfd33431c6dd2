package io.racefree.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.ScenarioResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The targets read the right contenders of a run: named ones, not only the first racefree one. */
class TargetsTest {
  @Test
  void coldGetOrCreateJudgesInsertFirstAgainstTheFloorToo() {
    List<Targets.Verdict> verdicts = Targets.check(List.of(new ScenarioResult("get-or-create-cold", "postgresql", 8,
        List.of(contender("racefree", Role.RACEFREE, 500, 0), contender("floor", Role.FLOOR, 1000, 0),
            contender("racefree-insert-first", Role.RACEFREE, 950, 0)))));
    assertThat(verdicts).contains(
        new Targets.Verdict("get-or-create-cold: racefree ≥ 0.9× floor", "postgresql", 8, "0.50×", false),
        new Targets.Verdict("get-or-create-cold: racefree-insert-first ≥ 0.9× floor", "postgresql", 8, "0.95×", true));
  }

  @Test
  void transferJudgesUpdateAllAndItsErrors() {
    List<Targets.Verdict> verdicts = Targets.check(List.of(new ScenarioResult("transfer", "mariadb", 32,
        List.of(contender("racefree", Role.RACEFREE, 900, 0), contender("racefree-update-all", Role.RACEFREE, 850, 2),
            contender("floor", Role.FLOOR, 1000, 0)))));
    assertThat(verdicts).contains(
        new Targets.Verdict("transfer: racefree-update-all ≥ 0.9× floor", "mariadb", 32, "0.85×", false),
        new Targets.Verdict("transfer: racefree-update-all errors + anomalies = 0", "mariadb", 32, "2", false),
        new Targets.Verdict("transfer: racefree errors + anomalies = 0", "mariadb", 32, "0", true));
  }

  @Test
  void updateOrCreateIsJudgedAgainstTheFloor() {
    List<Targets.Verdict> verdicts = Targets.check(List.of(new ScenarioResult("update-or-create-contended",
        "postgresql", 1, List.of(contender("racefree", Role.RACEFREE, 960, 0), contender("floor", Role.FLOOR, 1000, 0)))));
    assertThat(verdicts).contains(
        new Targets.Verdict("update-or-create-contended: racefree ≥ 0.9× floor", "postgresql", 1, "0.96×", true));
  }

  private static ContenderResult contender(String name, Role role, double opsPerSecond, long errors) {
    return new ContenderResult(name, role, name, 1000, opsPerSecond, 100, 1000, 1000, errors, null, 0, 0, "", Map.of());
  }
}
