package io.racefree.lab.soak;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's report: a terminal summary and a self-contained HTML page with the throughput of
 * every second and the injected faults marked on it. Stateless and thread-safe.
 */
public final class SoakReport {
  private static final Map<String, String> FAULT_COLOURS = Map.of("kill", "#c0392b", "pool", "#8e44ad",
      "lock", "#d68910", "restart", "#117a65");

  private SoakReport() {}

  public static String terminal(List<SoakResult> results) {
    StringBuilder text = new StringBuilder();
    for (SoakResult result : results) {
      SoakSettings settings = result.settings();
      text.append(String.format("%s: %.0f s, %s, %,d calls of racefree (%,.0f per second)%n",
          result.database(), result.seconds(), callers(result), result.completed(),
          result.completed() / Math.max(result.seconds(), 1e-9)));
      text.append("  faults injected: ").append(faultCounts(result)).append('\n');
      result.faultsNotInjected().forEach((kind, reason) ->
          text.append("  not injected: ").append(kind).append(" (").append(reason).append(")\n"));
      text.append("  errors callers got: ").append(result.errors().isEmpty() ? "none" : result.errors().toString())
          .append('\n');
      for (SoakCheck check : result.checks()) {
        text.append(String.format("  %s  %s: %s%n", check.passed() ? "ok  " : "FAIL", check.name(), check.detail()));
      }
      text.append(result.passed() ? "  every invariant held\n" : "  INVARIANTS BROKEN\n");
      if (!result.contrast().isEmpty()) {
        text.append(String.format("  for contrast, the same calls in plain JDBC (%s): %,d calls, errors %s%n",
            contrastCallers(result), result.naiveCalls(), result.naiveErrors().isEmpty() ? "none" : "by SQLState " + result.naiveErrors()));
        for (SoakCheck finding : result.contrast()) {
          text.append(String.format("  %s  %s: %s%n", finding.passed() ? "ok    " : "BROKEN", finding.name(),
              finding.detail()));
        }
      }
    }
    return text.toString();
  }

  private static String contrastCallers(SoakResult result) {
    return SoakCallers.contrastThreads(result.settings()) + " callers on a pool of their own"
        + (result.processes() == 1 ? "" : " in each process");
  }

  /** "8 threads on a pool of 4", or "8 threads on a pool of 4 in each of 3 processes". */
  private static String callers(SoakResult result) {
    String one = result.settings().threads() + " threads on a pool of " + result.settings().poolSize();
    if (result.processes() < result.settings().processes()) {
      return one + " in one process (an in-memory database lives in one process; " + result.settings().processes()
          + " were asked for)";
    }
    return result.processes() == 1 ? one : one + " in each of " + result.processes() + " processes";
  }

  private static String faultCounts(SoakResult result) {
    if (result.faults().isEmpty()) {
      return "none";
    }
    Map<String, Integer> counts = new TreeMap<>();
    result.faults().forEach(fault -> counts.merge(fault.kind(), 1, Integer::sum));
    return counts.toString();
  }

  public static String html(List<SoakResult> results) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>racefree soak"
        + "</title><style>body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}td,th{padding:2px 8px;"
        + "text-align:left}.ok{color:#1e8449}.fail{color:#c0392b;font-weight:bold}</style></head><body>"
        + "<h1>racefree soak</h1>");
    for (SoakResult result : results) {
      page.append("<h2>").append(escape(result.database())).append("</h2><p>")
          .append(escape(terminalHeadline(result))).append("</p>").append(timeline(result))
          .append("<p>Fault marks: ");
      FAULT_COLOURS.forEach((kind, colour) -> page.append("<span style=\"color:").append(colour).append("\">&#9646; ")
          .append(kind).append("</span> "));
      page.append("</p><table><tr><th></th><th>invariant</th><th>figures</th></tr>");
      for (SoakCheck check : result.checks()) {
        page.append("<tr><td class=\"").append(check.passed() ? "ok\">ok" : "fail\">FAIL").append("</td><td>")
            .append(escape(check.name())).append("</td><td>").append(escape(check.detail())).append("</td></tr>");
      }
      page.append("</table>").append(contrast(result)).append("<p>Errors callers got, by kind: ")
          .append(escape(result.errors().isEmpty() ? "none" : result.errors().toString())).append("</p><details><summary>")
          .append(result.faults().size()).append(" faults injected</summary><ul>");
      for (FaultEvent fault : result.faults()) {
        page.append("<li>").append(String.format("%.1f s", fault.atMillis() / 1000.0)).append(" ")
            .append(escape(fault.kind())).append(": ").append(escape(fault.detail())).append("</li>");
      }
      page.append("</ul></details><details><summary>the first error of each kind</summary><ul>");
      result.errorExamples().forEach((kind, example) -> page.append("<li>").append(escape(kind)).append(": ")
          .append(escape(example)).append("</li>"));
      page.append("</ul></details>");
    }
    return page.append("</body></html>").toString();
  }

  private static String terminalHeadline(SoakResult result) {
    return String.format("%.0f s, %s, %,d calls of racefree; %s", result.seconds(), callers(result),
        result.completed(), result.passed() ? "every invariant held" : "INVARIANTS BROKEN");
  }

  /** The plain-JDBC calls' findings, next to racefree's checks. */
  private static String contrast(SoakResult result) {
    if (result.contrast().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>For contrast: the same calls in plain JDBC</h3><p>")
        .append(String.format("%,d calls by %s, on tables of their own, under the same faults; errors: ",
            result.naiveCalls(), contrastCallers(result)))
        .append(escape(result.naiveErrors().isEmpty() ? "none" : "by SQLState " + result.naiveErrors()))
        .append("</p><table><tr><th></th><th>pattern</th><th>figures</th></tr>");
    for (SoakCheck finding : result.contrast()) {
      html.append("<tr><td class=\"").append(finding.passed() ? "ok\">ok" : "fail\">BROKEN").append("</td><td>")
          .append(escape(finding.name())).append("</td><td>").append(escape(finding.detail())).append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  /** Completed calls per second as a line, each fault a coloured mark at its time. */
  private static String timeline(SoakResult result) {
    List<Long> perSecond = result.callsPerSecond();
    int width = 800;
    int height = 160;
    long max = Math.max(1, perSecond.stream().mapToLong(Long::longValue).max().orElse(1));
    double seconds = Math.max(1, perSecond.size());
    StringBuilder svg = new StringBuilder("<svg width=\"" + width + "\" height=\"" + (height + 20)
        + "\" role=\"img\" aria-label=\"calls per second\"><text x=\"0\" y=\"12\" font-size=\"11\">" + max
        + " calls/s</text>");
    for (FaultEvent fault : result.faults()) {
      double x = fault.atMillis() / 1000.0 / seconds * width;
      svg.append(String.format("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"14\" y2=\"%d\" stroke=\"%s\"><title>%s</title></line>",
          x, x, height, FAULT_COLOURS.getOrDefault(fault.kind(), "#555"), escape(fault.kind() + ": " + fault.detail())));
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < perSecond.size(); i++) {
      double x = (i + 1) / seconds * width;
      double y = height - (double) perSecond.get(i) / max * (height - 16);
      points.append(String.format("%.1f,%.1f ", x, y));
    }
    svg.append("<polyline fill=\"none\" stroke=\"#2874a6\" stroke-width=\"2\" points=\"").append(points)
        .append("\"/><text x=\"0\" y=\"").append(height + 16).append("\" font-size=\"11\">0 s</text><text x=\"")
        .append(width - 40).append("\" y=\"").append(height + 16).append("\" font-size=\"11\">")
        .append(perSecond.size()).append(" s</text></svg>");
    return svg.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
