package io.racefree.lab.report;

import io.racefree.lab.model.FloorRatio;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inline SVG horizontal bar chart of operations per second for stress runs, coloured by grade,
 * one group per database, level and scenario: a heading with racefree's ratio to the floor, the
 * strategies doing the same work ranked by throughput (the floor among them), then, set apart,
 * the hard case.
 *
 * <p>Stateless and thread-safe.
 */
final class ThroughputChart {
  private static final int ROW = 22;
  private static final int LABEL = 360;
  private static final int BAR = 560;
  static final String HARD_CASE_CAPTION = "set apart: the hard case (the library call inside the"
      + " caller's own transaction that has already read the table), not the cost of the library";

  private ThroughputChart() {}

  static String svg(List<RunResult> stressRuns) {
    List<RunResult> runs = stressRuns.stream().filter(run -> run.opsPerSecond() != null).toList();
    List<FloorRatio> ratios = FloorRatio.of(runs);
    double max = runs.stream().mapToDouble(RunResult::opsPerSecond).max().orElse(1);
    StringBuilder rows = new StringBuilder();
    int y = 5;
    for (List<RunResult> group : groups(runs)) {
      RunResult first = group.get(0);
      String heading = first.database() + " " + shortIso(first) + " " + first.scenario()
          + FloorRatio.forGroupOf(first, ratios).map(ratio -> "  ·  " + ratio.text()).orElse("");
      y = text(rows, y, heading, "font-weight:bold");
      List<RunResult> sameWork = group.stream().filter(run -> !hardCase(run))
          .sorted(Comparator.comparing(RunResult::opsPerSecond).reversed()).toList();
      for (RunResult run : sameWork) {
        y = bar(rows, y, run, max);
      }
      List<RunResult> hard = group.stream().filter(ThroughputChart::hardCase).toList();
      if (!hard.isEmpty()) {
        y = text(rows, y, HARD_CASE_CAPTION, "font-style:italic");
        for (RunResult run : hard) {
          y = bar(rows, y, run, max);
        }
      }
      y += ROW / 2;
    }
    int width = LABEL + BAR + 90;
    return String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\""
        + " height=\"%d\" role=\"img\" aria-label=\"operations per second\">", width, y + 5,
        width, y + 5) + rows + "</svg>";
  }

  /** Runs grouped by database, then level, then scenario. */
  private static List<List<RunResult>> groups(List<RunResult> runs) {
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    runs.stream().sorted(Comparator.comparing(RunResult::database)
            .thenComparing(run -> run.isolation() == null ? -1 : run.isolation().ordinal())
            .thenComparing(RunResult::scenario))
        .forEach(run -> groups.computeIfAbsent(run.database() + "\n" + run.isolation() + "\n"
            + run.scenario(), key -> new ArrayList<>()).add(run));
    return List.copyOf(groups.values());
  }

  private static boolean hardCase(RunResult run) {
    return Strategy.RACEFREE_HARD_CASE.label().equals(run.strategy());
  }

  /** The words beside a bar: the strategy, and what the floor and racefree's bars measure. */
  static String barLabel(RunResult run) {
    if (Strategy.FLOOR.label().equals(run.strategy())) {
      return "floor (one hand-written statement)";
    }
    if (Strategy.RACEFREE.label().equals(run.strategy())) {
      return "racefree (the same work as the others)";
    }
    return hardCase(run) ? "racefree-hard-case (the hard case)" : run.strategy();
  }

  private static int text(StringBuilder svg, int y, String text, String style) {
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" class=\"bar-label\""
        + " style=\"text-anchor:start;%s\">%s</text>", y + 15, style, Html.escape(text)));
    return y + ROW;
  }

  private static int bar(StringBuilder svg, int y, RunResult run, double max) {
    double width = Math.max(2, BAR * run.opsPerSecond() / Math.max(max, 1e-9));
    String label = barLabel(run);
    String title = run.database() + " " + shortIso(run) + " " + run.scenario() + " / " + label;
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"bar-label\">%s</text>",
        LABEL - 8, y + 15, Html.escape(label)));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
        + " rx=\"3\" class=\"bar %s\"%s><title>%s: %.0f ops/s</title></rect>", LABEL, y + 3, width,
        ROW - 6, gradeClass(run.grade()), hardCase(run) ? " style=\"fill-opacity:0.45\"" : "",
        Html.escape(title), run.opsPerSecond()));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bar-value\">%,.0f"
        + "</text>", LABEL + width + 6, y + 15, run.opsPerSecond()));
    return y + ROW;
  }

  private static String shortIso(RunResult run) {
    Isolation isolation = run.isolation();
    return isolation == null ? "-" : isolation.shortName();
  }

  static String gradeClass(Grade grade) {
    return grade == null ? "none" : grade.name().toLowerCase(Locale.ROOT);
  }
}
