package io.racefree.lab.report;

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
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.model.Verdict;
import io.racefree.lab.scenario.Scenarios;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders results as plain-text tables for a terminal: the environment, the scenario matrix, the
 * stress throughput (ranked on equal work, racefree's ratio to the floor, the hard case apart) and
 * the probe matrix. Colour is optional and the text reads the same without.
 *
 * <p>Stateless apart from its colour choice; thread-safe.
 */
public final class TerminalReport {
  /** The longest cell word, "interesting". */
  private static final int CELL = 11;
  private final Ansi ansi;
  private int width = CELL + 1;

  public TerminalReport(boolean colour) {
    this.ansi = new Ansi(colour);
  }

  /** Colour only on an interactive terminal that is not "dumb". */
  public static boolean colourWanted() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  public String render(Results results) {
    StringBuilder out = new StringBuilder();
    environment(out, results.environment());
    List<String> order = results.environment().databases().stream().map(DatabaseInfo::label)
        .toList();
    scenarios(out, results.runs(), order, RunResult.DETERMINISTIC);
    scenarios(out, results.runs(), order, RunResult.STRESS);
    throughput(out, results.runs());
    probe(out, results.runs(), order);
    notes(out, results.runs());
    return out.toString();
  }

  private void environment(StringBuilder out, Environment environment) {
    out.append(ansi.bold("racefree " + environment.racefreeVersion())).append("  ·  ")
        .append(environment.jvm()).append("  ·  seed ").append(environment.seed())
        .append("  ·  ").append(environment.startedAt()).append('\n');
    for (DatabaseInfo db : environment.databases()) {
      out.append(String.format("  %-12s %s %s, driver %s %s, default %s%s%n", db.label(),
          db.product(), db.productVersion(), db.driver(), db.driverVersion(),
          db.defaultIsolation(), db.sessionSettings() == null ? "" : ", " + db.sessionSettings()));
      if (db.cluster() != null) {
        out.append("               ").append(db.cluster()).append('\n');
      }
    }
  }

  private void scenarios(StringBuilder out, List<RunResult> runs, List<String> order, String mode) {
    Columns columns = Columns.of(runs, order,
        run -> RunResult.SCENARIO.equals(run.kind()) && mode.equals(run.mode()));
    if (columns.columns().isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("Scenarios, " + mode)).append('\n');
    out.append("  pass = every outcome acceptable · interesting = no damage, but the caller got an"
        + " error (to retry, or a refusal) · FAIL = duplicates, lost updates or another forbidden"
        + " outcome · skip = not applicable there\n");
    if (runs.stream().anyMatch(run -> RunResult.SCENARIO.equals(run.kind())
        && mode.equals(run.mode()) && "serialized".equals(label(run)))) {
      out.append("  serialized = pass, and serialized by the engine: SQLite runs one writer at a"
          + " time, so the second caller waited for the first and the forced race could not"
          + " happen\n");
    }
    header(out, "scenario / strategy", columns);
    for (ScenarioSpec scenario : Scenarios.specs()) {
      for (Strategy strategy : Strategy.values()) {
        List<Optional<RunResult>> cells = columns.columns().stream()
            .map(column -> runs.stream().filter(run -> RunResult.SCENARIO.equals(run.kind())
                && mode.equals(run.mode()) && scenario.name().equals(run.scenario())
                && strategy.label().equals(run.strategy()) && column.matches(run)).findFirst())
            .toList();
        if (cells.stream().allMatch(Optional::isEmpty)) {
          continue;
        }
        out.append(String.format("%-46s", scenario.name() + " / " + strategy.label()));
        cells.forEach(cell -> out.append(cell.map(this::scenarioCell).orElse(pad("·"))));
        out.append('\n');
      }
    }
  }

  /**
   * Stress throughput per database, level and scenario: racefree's ratio to the floor, the
   * strategies doing the same work ranked, then the hard case apart.
   */
  private void throughput(StringBuilder out, List<RunResult> runs) {
    List<RunResult> stress = runs.stream().filter(run -> RunResult.STRESS.equals(run.mode())
        && RunResult.SCENARIO.equals(run.kind()) && run.opsPerSecond() != null).toList();
    if (stress.isEmpty()) {
      return;
    }
    List<FloorRatio> ratios = FloorRatio.of(stress);
    out.append('\n').append(ansi.bold("Throughput, stress (operations per second; each ranked"
        + " line does the same work, the floor is one hand-written statement)")).append('\n');
    stress.stream().map(run -> List.of(run.database(), shortIso(run), run.scenario())).distinct()
        .forEach(group -> {
          List<RunResult> own = stress.stream().filter(run -> group.equals(
              List.of(run.database(), shortIso(run), run.scenario()))).toList();
          out.append(String.format("%-46s", String.join(" ", group)))
              .append(FloorRatio.forGroupOf(own.get(0), ratios).map(FloorRatio::text).orElse(""))
              .append('\n');
          own.stream().filter(run -> !hardCase(run))
              .sorted(Comparator.comparing(RunResult::opsPerSecond).reversed())
              .forEach(run -> throughputLine(out, run));
          List<RunResult> hard = own.stream().filter(TerminalReport::hardCase).toList();
          if (!hard.isEmpty()) {
            out.append("    apart: the hard case (inside the caller's transaction that has already read"
                + " the table), not the cost of the library\n");
            hard.forEach(run -> throughputLine(out, run));
          }
        });
  }

  private static void throughputLine(StringBuilder out, RunResult run) {
    out.append(String.format(Locale.ROOT, "    %-42s %,10.0f  %s%n", ThroughputChart.barLabel(run),
        run.opsPerSecond(), label(run)));
  }

  private static boolean hardCase(RunResult run) {
    return Strategy.RACEFREE_HARD_CASE.label().equals(run.strategy());
  }

  private static String shortIso(RunResult run) {
    return run.isolation() == null ? "-" : run.isolation().shortName();
  }

  private void probe(StringBuilder out, List<RunResult> runs, List<String> order) {
    Columns columns = Columns.of(runs, order, RunResult::isProbe);
    if (columns.columns().isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("Isolation probe (ok = prevented, ANOMALY = it happened)"))
        .append('\n');
    header(out, "anomaly", columns);
    for (AnomalySpec anomaly : Catalog.ANOMALIES) {
      out.append(String.format("%-46s", anomaly.name() + "  " + anomaly.title()));
      for (Columns.Column column : columns.columns()) {
        out.append(runs.stream().filter(RunResult::isProbe)
            .filter(run -> anomaly.name().equals(run.anomaly()) && column.matches(run))
            .findFirst().map(this::probeCell).orElse(pad("·")));
      }
      out.append('\n');
    }
  }

  private void notes(StringBuilder out, List<RunResult> runs) {
    List<RunResult> notable = runs.stream()
        .filter(run -> RunResult.SCENARIO.equals(run.kind()))
        .filter(run -> run.grade() != null && run.grade() != Grade.PASSED
            || run.status() == RunStatus.ERROR || run.status() == RunStatus.TIMEOUT)
        .toList();
    if (notable.isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("What went wrong or is worth a look")).append('\n');
    for (RunResult run : notable) {
      Observation key = run.keyObservation();
      String what = run.message() != null && run.status() != RunStatus.OK ? run.message()
          : key == null ? "" : key.name() + " x" + key.count() + ": " + key.description();
      out.append(String.format("  %-11s %s %s %s/%s [%s]: %s%n", label(run),
          run.database(), run.isolation() == null ? "-" : run.isolation().shortName(),
          run.scenario(), run.strategy(), run.mode(), what));
    }
  }

  private void header(StringBuilder out, String title, Columns columns) {
    width = columns.columns().stream().mapToInt(c -> c.header().length()).max().orElse(0);
    width = Math.max(width, CELL) + 2;
    out.append(String.format("%-46s", title));
    columns.columns().forEach(column -> out.append(pad(column.header())));
    out.append('\n');
  }

  private String scenarioCell(RunResult run) {
    String text = label(run);
    if (run.status() != RunStatus.OK) {
      return ansi.dim(pad(text));
    }
    return switch (run.grade()) {
      case PASSED -> ansi.green(pad(text));
      case INTERESTING -> ansi.yellow(pad(text));
      case FAILED -> ansi.red(pad(text));
    };
  }

  private static String label(RunResult run) {
    if (run.status() != RunStatus.OK) {
      return run.status() == RunStatus.SKIPPED ? "skip"
          : run.status().name().toLowerCase(Locale.ROOT);
    }
    return switch (run.grade()) {
      case PASSED -> serializedByTheEngine(run) ? "serialized" : "pass";
      case INTERESTING -> "interesting";
      case FAILED -> "FAIL";
    };
  }

  private static boolean serializedByTheEngine(RunResult run) {
    return run.observations().stream()
        .anyMatch(o -> Outcomes.SERIALIZED_BY_ENGINE.equals(o.name()) && o.count() > 0);
  }

  private String probeCell(RunResult run) {
    if (run.status() != RunStatus.OK || run.verdict() == null) {
      return ansi.dim(pad(run.status().name().toLowerCase(Locale.ROOT)));
    }
    return run.verdict() == Verdict.PREVENTED ? ansi.green(pad("ok")) : ansi.red(pad("ANOMALY"));
  }

  private String pad(String text) {
    return String.format("%-" + width + "s", text);
  }
}
