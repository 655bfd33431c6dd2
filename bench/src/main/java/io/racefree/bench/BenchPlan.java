package io.racefree.bench;

import io.racefree.bench.harness.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a bench run covers and how long it measures. Immutable.
 *
 * @param mode "quick", "full" or "smoke"
 * @param engines engine names, in run order
 * @param threads thread counts (the pool is sized to each)
 * @param workloads workload names to run, empty for all
 * @param scenario rounds and their length
 * @param largeBulkKeys keys of the large bulk get-or-create (0 to skip it)
 */
public record BenchPlan(String mode, List<String> engines, List<Integer> threads, Set<String> workloads,
    Scenario scenario, int largeBulkKeys) {

  /** About five minutes: PostgreSQL and MariaDB, 1 warm-up and 2 measured rounds of 0.3 s. */
  public static BenchPlan quick() {
    return new BenchPlan("quick", List.of("postgresql", "mariadb"), List.of(1, 8, 32), Set.of(),
        new Scenario(1, 2, Duration.ofMillis(300)), 100_000);
  }

  /** All four engines, 1 warm-up and 5 measured rounds of 2 s. */
  public static BenchPlan full() {
    return new BenchPlan("full", List.of("postgresql", "mariadb", "h2", "sqlite"), List.of(1, 8, 32), Set.of(),
        new Scenario(1, 5, Duration.ofSeconds(2)), 100_000);
  }

  /** A second or two on H2, to check the harness itself. */
  public static BenchPlan smoke() {
    return new BenchPlan("smoke", List.of("h2"), List.of(1, 2), Set.of(),
        new Scenario(0, 1, Duration.ofMillis(40)), 2_000);
  }

  public static BenchPlan named(String mode) {
    return switch (mode) {
      case "quick" -> quick();
      case "full" -> full();
      case "smoke" -> smoke();
      default -> throw new IllegalArgumentException("unknown mode '" + mode + "': use quick, full or smoke");
    };
  }

  /** Whether to run {@code workload}; "overhead" names the in-memory H2 get-or-create runs. */
  public boolean includes(String workload) {
    return workloads.isEmpty() || workloads.contains(workload);
  }

  public BenchPlan withEngines(List<String> value) {
    return new BenchPlan(mode, value, threads, workloads, scenario, largeBulkKeys);
  }

  public BenchPlan withThreads(List<Integer> value) {
    return new BenchPlan(mode, engines, value, workloads, scenario, largeBulkKeys);
  }

  public BenchPlan withWorkloads(Set<String> value) {
    return new BenchPlan(mode, engines, threads, value, scenario, largeBulkKeys);
  }

  public BenchPlan withScenario(Scenario value) {
    return new BenchPlan(mode, engines, threads, workloads, value, largeBulkKeys);
  }
}
