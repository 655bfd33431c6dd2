package io.racefree.bench;

import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The targets, checked against the ratios of one run. Stateless. */
final class Targets {
  private Targets() {}

  /** One target in one scenario. */
  record Verdict(String target, String engine, int threads, String measured, boolean met) {}

  static List<Verdict> check(List<ScenarioResult> results) {
    List<Verdict> verdicts = new ArrayList<>();
    for (ScenarioResult result : results) {
      ContenderResult racefree = result.racefree();
      if (racefree == null) {
        continue;
      }
      Map<String, Double> ratios = result.ratios();
      switch (result.workload()) {
        case "get-or-create-hot" -> {
          atLeast(verdicts, result, ratios, "floor", 0.9);
          atLeast(verdicts, result, ratios, "jooq", 1.0);
          atLeast(verdicts, result, ratios, "jpa", 1.0);
        }
        case "get-or-create-cold" -> {
          atLeast(verdicts, result, ratios, "floor", 0.9);
          atLeast(verdicts, result, ratios, "jooq", 1.0);
          atLeast(verdicts, result, ratios, "jpa", 1.0);
          contenderAtLeast(verdicts, result, "racefree-insert-first", "floor", 0.9);
        }
        case "update-or-create-contended" -> atLeast(verdicts, result, ratios, "floor", 0.9);
        case "transfer" -> {
          contenderAtLeast(verdicts, result, "racefree-update-all", "floor", 0.9);
          noProblems(verdicts, result, "racefree-update-all");
        }
        case "get-or-create-contended" -> {
          atLeast(verdicts, result, ratios, "table-lock", 3.0);
          atLeast(verdicts, result, ratios, "serializable", 1.5);
          atLeast(verdicts, result, ratios, "jooq", 1.0);
          atLeast(verdicts, result, ratios, "jpa", 1.0);
        }
        default -> { }
      }
      long problems = racefree.errors() + racefree.anomalies();
      verdicts.add(new Verdict(result.workload() + ": racefree errors + anomalies = 0", result.engine(),
          result.threads(), String.valueOf(problems), problems == 0));
    }
    return verdicts;
  }

  /** {@code name}'s throughput at least {@code minimum} times {@code other}'s, in the same run. */
  private static void contenderAtLeast(List<Verdict> verdicts, ScenarioResult result, String name, String other,
      double minimum) {
    ContenderResult contender = result.contender(name);
    ContenderResult baseline = result.contender(other);
    if (contender == null || baseline == null || baseline.opsPerSecond() <= 0) {
      return;
    }
    double ratio = contender.opsPerSecond() / baseline.opsPerSecond();
    verdicts.add(new Verdict(String.format(Locale.ROOT, "%s: %s ≥ %.1f× %s", result.workload(), name, minimum, other),
        result.engine(), result.threads(), String.format(Locale.ROOT, "%.2f×", ratio), ratio >= minimum));
  }

  private static void noProblems(List<Verdict> verdicts, ScenarioResult result, String name) {
    ContenderResult contender = result.contender(name);
    if (contender != null) {
      long problems = contender.errors() + contender.anomalies();
      verdicts.add(new Verdict(result.workload() + ": " + name + " errors + anomalies = 0", result.engine(),
          result.threads(), String.valueOf(problems), problems == 0));
    }
  }

  private static void atLeast(List<Verdict> verdicts, ScenarioResult result, Map<String, Double> ratios,
      String other, double minimum) {
    Double ratio = ratios.get(other);
    if (ratio == null) {
      return;
    }
    String target = String.format(Locale.ROOT, "%s: racefree ≥ %.1f× %s", result.workload(), minimum, other);
    boolean met = minimum == 1.0 ? ratio > 1.0 : ratio >= minimum;
    verdicts.add(new Verdict(target, result.engine(), result.threads(),
        String.format(Locale.ROOT, "%.2f×", ratio), met));
  }
}
