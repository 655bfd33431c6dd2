package io.racefree.bench;

import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.Scenario;
import io.racefree.bench.harness.ScenarioResult;
import io.racefree.bench.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/run quick|full|smoke [--engines pg,mariadb] [--threads 1,8] [--workloads a,b]
 * [--round-ms 400] [--rounds 2] [--out bench/results]}: runs the plan and writes
 * {@code <out>/<mode>-<time>.json} and {@code .md}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args[0].startsWith("-")) {
      System.err.println("usage: bench/run quick|full|smoke [--engines a,b] [--threads 1,8,32] "
          + "[--workloads a,b] [--round-ms N] [--rounds N] [--out DIR]");
      System.exit(2);
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    BenchPlan plan = configure(BenchPlan.named(args[0]), options);
    Path written = run(plan, Path.of(options.getOrDefault("out", "bench/results")));
    System.out.println(Files.readString(written));
  }

  /** Runs {@code plan}, writes JSON and Markdown to {@code directory}, returns the Markdown file. */
  static Path run(BenchPlan plan, Path directory) throws IOException {
    Map<String, Object> environment = Environment.of(plan);
    BenchRunner runner = new BenchRunner(plan, System.err);
    List<ScenarioResult> results = runner.run();
    List<Targets.Verdict> verdicts = Targets.check(results);
    Files.createDirectories(directory);
    String stem = plan.mode() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("environment", environment);
    document.put("databases", runner.databaseSettings());
    document.put("targets", verdicts.stream().map(Targets.Verdict::toString).toList());
    document.put("results", results.stream().map(BenchMain::toMap).toList());
    Files.writeString(directory.resolve(stem + ".json"), Json.write(document));
    Path markdown = directory.resolve(stem + ".md");
    Files.writeString(markdown, Summary.markdown(environment, runner.databaseSettings(), results, verdicts));
    return markdown;
  }

  private static BenchPlan configure(BenchPlan plan, Map<String, String> options) {
    BenchPlan configured = plan;
    if (options.containsKey("engines")) {
      configured = configured.withEngines(List.of(options.get("engines").split(",")));
    }
    if (options.containsKey("threads")) {
      configured = configured.withThreads(Arrays.stream(options.get("threads").split(","))
          .map(Integer::valueOf).toList());
    }
    if (options.containsKey("workloads")) {
      configured = configured.withWorkloads(Set.of(options.get("workloads").split(",")));
    }
    Scenario scenario = configured.scenario();
    if (options.containsKey("round-ms") || options.containsKey("rounds")) {
      configured = configured.withScenario(new Scenario(scenario.warmupRounds(),
          Integer.parseInt(options.getOrDefault("rounds", String.valueOf(scenario.measuredRounds()))),
          Duration.ofMillis(Long.parseLong(options.getOrDefault("round-ms",
              String.valueOf(scenario.roundLength().toMillis()))))));
    }
    return configured;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static Map<String, Object> toMap(ScenarioResult result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("workload", result.workload());
    map.put("engine", result.engine());
    map.put("threads", result.threads());
    map.put("racefreeRatios", result.ratios());
    map.put("contenders", result.contenders().stream().map(BenchMain::toMap).toList());
    return map;
  }

  private static Map<String, Object> toMap(ContenderResult c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", c.name());
    map.put("role", c.role().name());
    map.put("description", c.description());
    map.put("opsPerSecond", c.opsPerSecond());
    map.put("p50Micros", c.p50Micros());
    map.put("p99Micros", c.p99Micros());
    map.put("measuredCalls", c.measuredCalls());
    map.put("calls", c.calls());
    map.put("errors", c.errors());
    map.put("firstError", c.firstError());
    map.put("retries", c.retries());
    map.put("anomalies", c.anomalies());
    map.put("anomalyDescription", c.anomalyDescription());
    map.put("extras", c.extras());
    return map;
  }
}
