package io.racefree.lab.report;

import static io.racefree.lab.report.Html.escape;

import io.racefree.lab.model.AnomalySpec;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Environment;
import io.racefree.lab.model.FloorRatio;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.Results;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.model.Verdict;
import io.racefree.lab.scenario.Scenarios;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders results as one self-contained HTML page (inline CSS and SVG, no network): environment,
 * the scenario x strategy x isolation matrix, the probe matrix with expandable transcripts, and
 * a throughput chart of the stress runs (ranked on equal work, racefree's ratio to the floor beside
 * it, the hard case apart).
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {
  public String render(Results results) {
    List<String> order = results.environment().databases().stream().map(DatabaseInfo::label)
        .toList();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>racefree lab report</title><style>").append(ReportStyle.CSS)
        .append("</style></head><body><main>");
    header(html, results);
    for (String mode : List.of(RunResult.DETERMINISTIC, RunResult.STRESS)) {
      scenarioMatrix(html, results.runs(), order, mode);
    }
    throughput(html, results.runs());
    ProbeSection.render(html, results.runs(), order);
    html.append("<footer>Rendered from results.json by <code>racefree report</code>. Grades:"
        + " <span class=\"chip passed\">PASSED</span> only acceptable outcomes,"
        + " <span class=\"chip interesting\">INTERESTING</span> correct data but an error the"
        + " caller must handle, <span class=\"chip failed\">FAILED</span> a forbidden outcome."
        + "</footer></main><script>").append(ReportStyle.SCRIPT).append("</script></body></html>");
    return html.toString();
  }

  private static void header(StringBuilder html, Results results) {
    Environment env = results.environment();
    long failed = count(results.runs(), Grade.FAILED);
    long interesting = count(results.runs(), Grade.INTERESTING);
    long passed = count(results.runs(), Grade.PASSED);
    long anomalies = results.runs().stream().filter(r -> r.verdict() == Verdict.ANOMALY).count();
    long prevented = results.runs().stream().filter(r -> r.verdict() == Verdict.PREVENTED).count();
    boolean racefreeOk = results.racefreeFailures().isEmpty();
    boolean scenarios = results.runs().stream().anyMatch(r -> !r.isProbe());
    boolean probes = results.runs().stream().anyMatch(RunResult::isProbe);
    html.append("<header><div class=\"title\"><h1>racefree <span>race lab</span></h1>")
        .append("<p class=\"sub\">Which concurrency advice actually holds on these databases.</p>")
        .append("</div>");
    if (scenarios) {
      html.append("<div class=\"verdict ").append(racefreeOk ? "good" : "bad").append("\">")
          .append(racefreeOk ? "racefree strategy: no forbidden outcome"
              : "racefree strategy: FORBIDDEN outcome seen").append("</div>");
    }
    html.append("</header>");
    html.append("<section class=\"cards\">");
    card(html, "racefree", env.racefreeVersion());
    card(html, "JVM", env.jvm());
    card(html, "machine", env.os());
    card(html, "started", env.startedAt());
    if (scenarios) {
      card(html, "seed", String.valueOf(env.seed()));
      card(html, "stress", env.threads() + " threads x " + env.processes() + " process(es), "
          + env.durationSeconds() + " s per run");
    }
    html.append("</section><section class=\"cards\">");
    if (scenarios) {
      stat(html, "passed", passed, "scenario runs passed");
      stat(html, "interesting", interesting, "interesting");
      stat(html, "failed", failed, "failed");
    }
    if (probes) {
      stat(html, "prevented", prevented, "probe: prevented");
      stat(html, "failed", anomalies, "probe: anomalies");
    }
    html.append("</section>");
    html.append("<table class=\"env\"><thead><tr><th>label</th><th>database</th><th>driver</th>"
        + "<th>default isolation</th><th>session settings</th><th>URL</th></tr></thead><tbody>");
    for (DatabaseInfo db : env.databases()) {
      html.append("<tr><td><b>").append(escape(db.label())).append("</b></td><td>")
          .append(escape(db.product() + " " + db.productVersion()
              + (db.cluster() == null ? "" : "; " + db.cluster()))).append("</td><td>")
          .append(escape(db.driver() + " " + db.driverVersion())).append("</td><td>")
          .append(escape(db.defaultIsolation())).append("</td><td>")
          .append(escape(db.sessionSettings() == null ? "" : db.sessionSettings()))
          .append("</td><td><code>").append(escape(db.url())).append("</code></td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static void scenarioMatrix(StringBuilder html, List<RunResult> runs,
      List<String> order, String mode) {
    Columns columns = Columns.of(runs, order,
        run -> RunResult.SCENARIO.equals(run.kind()) && mode.equals(run.mode()));
    if (columns.columns().isEmpty()) {
      return;
    }
    html.append("<h2>Scenarios <small>").append(mode).append("</small></h2>");
    html.append(RunResult.DETERMINISTIC.equals(mode)
        ? "<p class=\"lead\">Each cell forces the scenario's interleaving once and shows the grade and"
            + " the most severe observation. Hover for every observation.</p>"
        : "<p class=\"lead\">Threads (and worker processes) hammer a few keys; the cell shows the"
            + " grade and the most severe observation with its count.</p>");
    for (ScenarioSpec scenario : Scenarios.specs()) {
      List<RunResult> own = runs.stream().filter(run -> scenario.name().equals(run.scenario())
          && mode.equals(run.mode())).toList();
      if (own.isEmpty()) {
        continue;
      }
      html.append("<div class=\"scenario\"><h3>").append(escape(scenario.name()))
          .append(" <span class=\"seeds\">from ").append(escape(Catalog.sourceTitles(
              scenario.sources()))).append("</span></h3><p class=\"desc\">")
          .append(escape(scenario.description())).append("</p>");
      html.append("<table class=\"matrix\"><thead><tr><th>strategy</th>");
      columns.columns().forEach(c -> html.append("<th>").append(escape(c.header()))
          .append("</th>"));
      html.append("</tr></thead><tbody>");
      for (Strategy strategy : Strategy.values()) {
        if (own.stream().noneMatch(run -> strategy.label().equals(run.strategy()))) {
          continue;
        }
        html.append("<tr").append(strategy.isRacefree() ? " class=\"ours\"" : "").append("><th title=\"").append(escape(
                strategy.description())).append("\">").append(escape(strategy.label()))
            .append("</th>");
        for (Columns.Column column : columns.columns()) {
          Optional<RunResult> cell = own.stream().filter(run -> strategy.label()
              .equals(run.strategy()) && column.matches(run)).findFirst();
          html.append(cell.map(HtmlReport::scenarioCell).orElse("<td class=\"empty\">·</td>"));
        }
        html.append("</tr>");
      }
      html.append("</tbody></table></div>");
    }
  }

  private static String scenarioCell(RunResult run) {
    String css = run.status() == RunStatus.OK ? ThroughputChart.gradeClass(run.grade())
        : run.status().name().toLowerCase(Locale.ROOT);
    String head = run.status() == RunStatus.OK ? run.grade().name() : run.status().name();
    Observation key = run.keyObservation();
    String detail = run.status() != RunStatus.OK && run.message() != null ? run.message()
        : key == null ? "" : key.name() + (key.count() > 1 ? " ×" + key.count() : "");
    StringBuilder title = new StringBuilder();
    run.observations().forEach(o -> title.append(o.name()).append(" x").append(o.count())
        .append(" (").append(o.expectation()).append("): ").append(o.description()).append('\n'));
    if (run.message() != null) {
      title.append(run.message());
    }
    if (run.opsPerSecond() != null) {
      title.append(String.format(Locale.ROOT, "%n%.0f ops/s", run.opsPerSecond()));
    }
    return "<td class=\"cell " + css + "\" title=\"" + escape(title) + "\"><b>" + escape(head)
        + "</b><span>" + escape(detail) + "</span></td>";
  }

  private static void throughput(StringBuilder html, List<RunResult> runs) {
    List<RunResult> stress = runs.stream().filter(run -> RunResult.STRESS.equals(run.mode())
        && run.opsPerSecond() != null).toList();
    if (stress.isEmpty()) {
      return;
    }
    html.append("<h2>Throughput <small>stress runs, operations per second</small></h2>")
        .append("<p class=\"lead\">Every ranked bar does the same work: the same reads and one"
            + " transaction at the run's level (racefree's own call, not wrapped in a transaction"
            + " of the caller's). The floor is one hand-written statement doing the job (the"
            + " native upsert), a reference rather than a strategy. The hard case, the library call"
            + " inside the caller's own retrying transaction that has already read the table, is"
            + " shown apart: it is the hard case, not the cost of the library.</p>");
    List<FloorRatio> ratios = FloorRatio.of(stress);
    if (!ratios.isEmpty()) {
      html.append("<ul class=\"ratios\">");
      ratios.forEach(ratio -> html.append("<li><b>").append(escape(ratio.database() + " "
          + (ratio.isolation() == null ? "-" : ratio.isolation().shortName()) + " "
          + ratio.scenario())).append("</b>: ").append(escape(ratio.text())).append("</li>"));
      html.append("</ul>");
    }
    html.append("<div class=\"chart-box\">").append(ThroughputChart.svg(stress))
        .append("</div>");
  }

  private static void card(StringBuilder html, String label, String value) {
    html.append("<div class=\"card\"><div class=\"k\">").append(escape(label))
        .append("</div><div class=\"v\">").append(escape(value)).append("</div></div>");
  }

  private static void stat(StringBuilder html, String css, long value, String label) {
    html.append("<div class=\"card stat ").append(css).append("\"><div class=\"v\">")
        .append(value).append("</div><div class=\"k\">").append(escape(label))
        .append("</div></div>");
  }

  private static long count(List<RunResult> runs, Grade grade) {
    return runs.stream().filter(run -> run.grade() == grade).count();
  }

  static String anchor(RunResult run) {
    return Html.id("t", run.database(), String.valueOf(run.isolation()), run.anomaly());
  }

  static AnomalySpec anomaly(String name) {
    return Catalog.ANOMALIES.stream().filter(a -> a.name().equals(name)).findFirst()
        .orElse(new AnomalySpec(name, name, "", ""));
  }
}
