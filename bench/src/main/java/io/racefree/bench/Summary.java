package io.racefree.bench;

import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.ScenarioResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders results as Markdown tables, and as one progress line per scenario. Stateless. */
final class Summary {
  private Summary() {}

  static String oneLine(ScenarioResult result) {
    return result.contenders().stream()
        .map(c -> c.name() + " " + String.format(Locale.ROOT, "%.0f/s", c.opsPerSecond())
            + (c.errors() + c.anomalies() > 0 ? " (" + c.errors() + " err, " + c.anomalies() + " anom)" : ""))
        .collect(Collectors.joining(", "));
  }

  static String markdown(Map<String, Object> environment, Map<String, Map<String, String>> databases,
      List<ScenarioResult> results, List<Targets.Verdict> verdicts) {
    StringBuilder out = new StringBuilder("# racefree bench: " + environment.get("mode") + " pass\n\n");
    out.append("## Environment\n\n");
    environment.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
    databases.forEach((name, settings) -> out.append("- ").append(name).append(": ").append(settings).append('\n'));
    out.append("\n## Targets (ratios of throughput measured in the same run)\n\n");
    out.append("| target | database | threads | measured | met |\n|---|---|---|---|---|\n");
    for (Targets.Verdict verdict : verdicts) {
      out.append("| ").append(verdict.target()).append(" | ").append(verdict.engine()).append(" | ")
          .append(verdict.threads()).append(" | ").append(verdict.measured()).append(" | ")
          .append(verdict.met() ? "yes" : "**no**").append(" |\n");
    }
    String lastHeading = "";
    for (ScenarioResult result : grouped(results)) {
      String heading = "## " + result.engine() + " · " + result.workload();
      if (!heading.equals(lastHeading)) {
        out.append('\n').append(heading).append("\n\n").append(descriptions(result)).append('\n');
        out.append("| threads | contender | ops/s | p50 µs | p99 µs | calls | errors | retries | anomalies"
            + " | racefree ÷ this | extras |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        lastHeading = heading;
      }
      appendRows(out, result);
    }
    out.append('\n').append(notes(results));
    return out.toString();
  }

  /** By engine, then workload (each in order of first appearance), then threads. */
  private static List<ScenarioResult> grouped(List<ScenarioResult> results) {
    List<String> engines = results.stream().map(ScenarioResult::engine).distinct().toList();
    List<String> workloads = results.stream().map(ScenarioResult::workload).distinct().toList();
    return results.stream()
        .sorted(java.util.Comparator.comparingInt((ScenarioResult r) -> engines.indexOf(r.engine()))
            .thenComparingInt(r -> workloads.indexOf(r.workload()))
            .thenComparingInt(ScenarioResult::threads))
        .toList();
  }

  private static String descriptions(ScenarioResult result) {
    StringBuilder out = new StringBuilder();
    for (ContenderResult contender : result.contenders()) {
      out.append("- **").append(contender.name()).append("** (").append(contender.role().name().toLowerCase(Locale.ROOT))
          .append("): `").append(contender.description()).append("`\n");
    }
    return out.toString();
  }

  private static void appendRows(StringBuilder out, ScenarioResult result) {
    Map<String, Double> ratios = result.ratios();
    for (ContenderResult c : result.contenders()) {
      Double ratio = ratios.get(c.name());
      out.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.0f | %d | %d | %d | %d | %s | %s |%n",
          result.threads(), c.name(), c.opsPerSecond(), c.p50Micros(), c.p99Micros(), c.calls(), c.errors(),
          c.retries(), c.anomalies(), ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio),
          c.extras().isEmpty() ? "" : c.extras().toString()));
    }
  }

  private static String notes(List<ScenarioResult> results) {
    StringBuilder out = new StringBuilder("## Errors and anomalies seen\n\n");
    boolean any = false;
    for (ScenarioResult result : results) {
      for (ContenderResult c : result.contenders()) {
        if (c.errors() > 0 || c.anomalies() > 0) {
          any = true;
          out.append("- ").append(result.engine()).append(' ').append(result.workload()).append(' ')
              .append(result.threads()).append(" threads, **").append(c.name()).append("**: ")
              .append(c.errors()).append(" errors").append(c.firstError() == null ? "" : " (first: " + c.firstError() + ")")
              .append(c.anomalies() > 0 ? "; " + c.anomalies() + " anomalies: " + c.anomalyDescription() : "")
              .append('\n');
        }
      }
    }
    return any ? out.toString() : out.append("None.\n").toString();
  }
}
