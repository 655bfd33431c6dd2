package io.racefree.lab.report;

import static io.racefree.lab.report.Html.escape;

import io.racefree.lab.model.AnomalySpec;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.TranscriptLine;
import io.racefree.lab.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The probe part of the HTML report: the anomaly x (database, isolation) matrix and, below it,
 * one expandable transcript per cell.
 *
 * <p>Stateless and thread-safe.
 */
final class ProbeSection {
  private ProbeSection() {}

  static void render(StringBuilder html, List<RunResult> runs, List<String> order) {
    List<RunResult> probes = runs.stream().filter(RunResult::isProbe).toList();
    if (probes.isEmpty()) {
      return;
    }
    Columns columns = Columns.of(probes, order, run -> true);
    html.append("<h2>Isolation probe <small>Hermitage interleavings on raw JDBC</small></h2>")
        .append("<p class=\"lead\">Green: the database prevented the anomaly (by blocking,"
            + " aborting a transaction or hiding the change). Red: the anomaly happened. Click a"
            + " cell for the transcript of what each session saw.</p>");
    html.append("<table class=\"matrix probe\"><thead><tr><th>anomaly</th>");
    columns.columns().forEach(c -> html.append("<th>").append(escape(c.header())).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (AnomalySpec anomaly : Catalog.ANOMALIES) {
      html.append("<tr><th title=\"").append(escape(anomaly.description())).append("\">")
          .append(escape(anomaly.name())).append("<span class=\"anomaly-title\">")
          .append(escape(anomaly.title())).append("</span></th>");
      for (Columns.Column column : columns.columns()) {
        Optional<RunResult> cell = probes.stream().filter(run -> anomaly.name()
            .equals(run.anomaly()) && column.matches(run)).findFirst();
        html.append(cell.map(ProbeSection::cell).orElse("<td class=\"empty\">·</td>"));
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    transcripts(html, probes);
  }

  private static String cell(RunResult run) {
    String css = run.verdict() == null ? "error"
        : run.verdict() == Verdict.PREVENTED ? "passed" : "failed";
    String text = run.verdict() == null ? run.status().name()
        : run.verdict() == Verdict.PREVENTED ? "prevented" : "anomaly";
    String how = run.verdict() == Verdict.ANOMALY
        ? "in: " + String.join(", ", run.observations().stream()
            .filter(o -> "anomaly".equals(o.description())).map(Observation::name).toList())
        : run.observations().stream().map(Observation::description)
            .filter(d -> d.startsWith("prevented")).findFirst().orElse("")
            .replace("prevented: ", "");
    return "<td class=\"cell " + css + "\"><a href=\"#" + HtmlReport.anchor(run) + "\"><b>"
        + text + "</b><span>" + escape(how) + "</span></a></td>";
  }

  private static void transcripts(StringBuilder html, List<RunResult> probes) {
    html.append("<h3>Transcripts</h3><div class=\"transcripts\">");
    for (RunResult run : probes) {
      AnomalySpec anomaly = HtmlReport.anomaly(run.anomaly());
      html.append("<details id=\"").append(HtmlReport.anchor(run)).append("\"><summary>")
          .append("<span class=\"dot ").append(run.verdict() == Verdict.ANOMALY ? "failed"
              : run.verdict() == null ? "error" : "passed").append("\"></span>")
          .append(escape(run.database())).append(" · ").append(escape(run.isolation()))
          .append(" · <b>").append(escape(anomaly.name())).append("</b> ")
          .append(escape(anomaly.title())).append(" — ")
          .append(escape(run.verdict() == null ? run.status() : run.verdict()))
          .append("</summary>");
      for (Observation variant : run.observations()) {
        html.append("<h4>").append(escape(variant.name())).append(" <small>")
            .append(escape(variant.description())).append("</small></h4>");
        transcriptTable(html, run.transcript().stream()
            .filter(line -> variant.name().equals(line.variant())).toList());
      }
      if (run.message() != null) {
        html.append("<p class=\"message\">").append(escape(run.message())).append("</p>");
      }
      html.append("</details>");
    }
    html.append("</div>");
  }

  private static void transcriptTable(StringBuilder html, List<TranscriptLine> lines) {
    html.append("<table class=\"transcript\"><thead><tr><th>#</th><th>T1</th><th>T2</th>"
        + "<th>T3</th></tr></thead><tbody>");
    for (TranscriptLine line : lines) {
      html.append("<tr><td class=\"n\">").append(line.step()).append("</td>");
      for (String session : List.of("T1", "T2", "T3")) {
        if (!session.equals(line.session())) {
          html.append("<td></td>");
          continue;
        }
        boolean error = line.result().startsWith("ERROR");
        html.append("<td class=\"stmt").append(error ? " err" : "").append("\"><code>")
            .append(escape(line.sql())).append("</code><div class=\"res\">→ ")
            .append(escape(line.result())).append("</div>");
        if (line.blocked() || line.completedAfterStep() > line.step()) {
          html.append("<div class=\"blk\">").append(line.blocked() ? "blocked; " : "queued; ")
              .append("completed after step ").append(line.completedAfterStep()).append("</div>");
        }
        html.append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }
}
