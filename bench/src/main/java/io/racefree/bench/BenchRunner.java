package io.racefree.bench;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.ScenarioResult;
import io.racefree.bench.workload.Workload;
import io.racefree.bench.workload.Workloads;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan: per engine a fresh namespace, per thread count a pool of that size, per workload
 * its contenders side by side. Progress goes to {@code progress}. Not thread-safe.
 */
final class BenchRunner {
  private final BenchPlan plan;
  private final PrintStream progress;
  private final Map<String, Map<String, String>> databaseSettings = new java.util.LinkedHashMap<>();

  BenchRunner(BenchPlan plan, PrintStream progress) {
    this.plan = plan;
    this.progress = progress;
  }

  List<ScenarioResult> run() {
    List<ScenarioResult> results = new ArrayList<>();
    for (String engine : plan.engines()) {
      try (BenchDatabase database = BenchDatabase.open(engine)) {
        Schema.create(database);
        databaseSettings.put(database.name(), Environment.databaseSettings(database));
        results.addAll(runOn(database));
      }
    }
    if (!plan.engines().contains("h2") && plan.includes("overhead")) {
      results.addAll(overhead());
    }
    return results;
  }

  /**
   * get-or-create on in-memory H2 at one thread, where the database's time is tiny: racefree's
   * ratio to the floor here is mostly the library's own per-call cost.
   */
  private List<ScenarioResult> overhead() {
    List<ScenarioResult> results = new ArrayList<>();
    try (BenchDatabase database = BenchDatabase.open("h2")) {
      Schema.create(database);
      databaseSettings.put(database.name(), Environment.databaseSettings(database));
      for (Workload workload : Workloads.all()) {
        if (workload.name().startsWith("get-or-create-h") || workload.name().startsWith("get-or-create-c")) {
          results.add(measure(database, workload, 1));
        }
      }
    }
    return results;
  }

  /** Server version, driver and settings per engine, read while its namespace was open. */
  Map<String, Map<String, String>> databaseSettings() {
    return databaseSettings;
  }

  private List<ScenarioResult> runOn(BenchDatabase database) {
    List<ScenarioResult> results = new ArrayList<>();
    for (int threads : plan.threads()) {
      database.resize(threads);
      for (Workload workload : Workloads.all()) {
        if (plan.includes(workload.name()) && workload.supports(database.engine())) {
          results.add(measure(database, workload, threads));
        }
      }
    }
    if (plan.largeBulkKeys() > 0 && plan.includes("bulk-large")) {
      database.resize(1);
      progress.printf("%-10s bulk-large %,d keys%n", database.name(), plan.largeBulkKeys());
      results.add(Workloads.largeBulk(database, plan.largeBulkKeys()));
    }
    return results;
  }

  private ScenarioResult measure(BenchDatabase database, Workload workload, int threads) {
    List<Contender> contenders = workload.contenders(database, threads);
    long start = System.nanoTime();
    ScenarioResult result = plan.scenario().run(workload.name(), database.name(), threads, contenders);
    progress.printf("%-10s %-26s %2d threads  %5.1f s  %s%n", database.name(), workload.name(), threads,
        (System.nanoTime() - start) / 1e9, Summary.oneLine(result));
    return result;
  }
}
