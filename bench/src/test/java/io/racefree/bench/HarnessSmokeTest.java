package io.racefree.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.Scenario;
import io.racefree.bench.harness.ScenarioResult;
import io.racefree.bench.workload.TransferWorkload;
import io.racefree.bench.workload.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness end to end on in-memory H2, for a fraction of a second; asserts nothing about time. */
class HarnessSmokeTest {
  private final Scenario tiny = new Scenario(0, 1, Duration.ofMillis(30));

  @Test
  void everyTransferContenderRunsAndTheAtomicOnesConserveMoney() {
    try (BenchDatabase database = BenchDatabase.open("h2")) {
      Schema.create(database);
      database.resize(2);
      Workload transfer = new TransferWorkload();
      ScenarioResult result = tiny.run(transfer.name(), database.name(), 2, transfer.contenders(database, 2));

      assertThat(result.contenders()).extracting(ContenderResult::name).contains("floor", "naive", "serializable");
      ContenderResult floor = named(result.contenders(), "floor");
      assertThat(floor.calls()).isPositive();
      assertThat(floor.errors()).isZero();
      assertThat(floor.anomalies()).isZero();
    }
  }

  @Test
  void theReportRendersFromResults() {
    try (BenchDatabase database = BenchDatabase.open("h2")) {
      Schema.create(database);
      Workload transfer = new TransferWorkload();
      ScenarioResult result = tiny.run(transfer.name(), database.name(), 1, transfer.contenders(database, 1));
      String markdown = Summary.markdown(Environment.of(BenchPlan.smoke()), java.util.Map.of(), List.of(result),
          Targets.check(List.of(result)));

      assertThat(markdown).contains("## h2 · transfer").contains("| 1 | floor |");
    }
  }

  private static ContenderResult named(List<ContenderResult> results, String name) {
    return results.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
