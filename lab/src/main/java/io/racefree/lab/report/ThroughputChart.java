package io.racefree.lab.report;

import io.racefree.lab.model.Grade;
import io.racefree.lab.model.RunResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG horizontal bar chart of operations per second for stress runs, one bar per run,
 * coloured by grade.
 *
 * <p>Stateless and thread-safe.
 */
final class ThroughputChart {
  private static final int ROW = 22;
  private static final int LABEL = 360;
  private static final int BAR = 560;

  private ThroughputChart() {}

  static String svg(List<RunResult> stressRuns) {
    List<RunResult> runs = stressRuns.stream().filter(run -> run.opsPerSecond() != null)
        .sorted(Comparator.comparing(RunResult::database).thenComparing(RunResult::scenario)
            .thenComparing(Comparator.comparing(RunResult::opsPerSecond).reversed()))
        .toList();
    double max = runs.stream().mapToDouble(RunResult::opsPerSecond).max().orElse(1);
    int height = runs.size() * ROW + 10;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\""
        + " height=\"%d\" role=\"img\" aria-label=\"operations per second\">",
        LABEL + BAR + 90, height, LABEL + BAR + 90, height));
    int y = 5;
    for (RunResult run : runs) {
      double width = Math.max(2, BAR * run.opsPerSecond() / Math.max(max, 1e-9));
      String label = run.database() + " " + shortIso(run) + " " + run.scenario() + " / "
          + run.strategy();
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"bar-label\">%s</text>",
          LABEL - 8, y + 15, Html.escape(label)));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
          + " rx=\"3\" class=\"bar %s\"><title>%s: %.0f ops/s</title></rect>", LABEL, y + 3, width,
          ROW - 6, gradeClass(run.grade()), Html.escape(label), run.opsPerSecond()));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bar-value\">%,.0f"
          + "</text>", LABEL + width + 6, y + 15, run.opsPerSecond()));
      y += ROW;
    }
    return svg.append("</svg>").toString();
  }

  private static String shortIso(RunResult run) {
    return run.isolation() == null ? "-" : run.isolation().shortName();
  }

  static String gradeClass(Grade grade) {
    return grade == null ? "none" : grade.name().toLowerCase(Locale.ROOT);
  }
}
