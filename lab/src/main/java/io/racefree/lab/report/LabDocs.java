package io.racefree.lab.report;

import io.racefree.lab.LabVersion;
import io.racefree.lab.UsageException;
import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Environment;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Results;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.scenario.Scenario;
import io.racefree.lab.scenario.ScenarioLab;
import io.racefree.lab.scenario.Scenarios;
import io.racefree.lab.scenario.StressSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lab's output in README.md and docs/lab.md: runs the lab on the given servers and the
 * embedded H2 and SQLite, and rewrites or checks the generated sections of both files. Stress
 * verdicts come from {@link #STRESS_RESULTS}, which only {@code racefree docs --write} rewrites
 * (a stress run cannot be repeated exactly).
 *
 * <p>Stateless and thread-safe; each call opens and closes its own databases.
 */
public final class LabDocs {
  /** The command that regenerates the docs; failure messages name it. */
  public static final String REGENERATE = "./racefree docs --write";
  /** The stress results the verdict table's "stress" lines are rendered from. */
  public static final Path STRESS_RESULTS = Path.of("docs", "results", "lab-stress.json");

  private static final Map<Path, List<String>> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put(Path.of("README.md"), List.of(DocSections.VERDICTS));
    SECTIONS.put(Path.of("docs", "lab.md"), List.of(DocSections.MATRICES, DocSections.VERDICTS));
  }

  private LabDocs() {}

  /** Every scenario with every strategy at every level, deterministic mode only. */
  public static Results deterministic(List<Target> servers, String racefreeVersion) {
    StressSettings none = new StressSettings(1, 1, 0, 42);
    return run(servers, none, racefreeVersion, (lab, levels) -> lab.runAll(Scenarios.ALL,
        List.of(Strategy.values()), levels, none, false));
  }

  /** The stress runs the verdict table asks for, at every level. */
  public static Results stress(List<Target> servers, StressSettings settings,
      String racefreeVersion) {
    return run(servers, settings, racefreeVersion, (lab, levels) -> {
      List<RunResult> runs = new ArrayList<>();
      for (Advice.Aspect aspect : AdviceRows.stressAspects()) {
        Strategy strategy = Strategy.byLabel(aspect.strategy()).orElseThrow();
        for (Scenario scenario : Scenarios.ALL) {
          if (!Objects.equals(aspect.scenario(), scenario.name()) || !scenario.appliesTo(strategy)) {
            continue;
          }
          for (Isolation level : strategy.levels(levels)) {
            if (levels.contains(level)) {
              runs.add(lab.stress(scenario, strategy, level, settings));
            }
          }
        }
      }
      return runs;
    });
  }

  /** The files with every generated section replaced by the report's. */
  public static Map<Path, String> rewritten(Path repo, MarkdownReport report) {
    Map<Path, String> files = new LinkedHashMap<>();
    SECTIONS.forEach((file, sections) -> {
      String text = read(repo.resolve(file));
      for (String section : sections) {
        text = DocSections.replaced(text, section, render(report, section));
      }
      files.put(file, text);
    });
    return files;
  }

  /** One line per generated section that differs from the report's, naming its first difference. */
  public static List<String> disagreements(Path repo, MarkdownReport report) {
    List<String> found = new ArrayList<>();
    SECTIONS.forEach((file, sections) -> {
      String text = read(repo.resolve(file));
      for (String section : sections) {
        String expected = DocSections.withoutProvenance(render(report, section));
        String actual = DocSections.body(text, section).map(DocSections::withoutProvenance)
            .orElse(null);
        if (actual == null) {
          found.add(file + " has no section '" + section + "'");
        } else if (!expected.equals(actual)) {
          found.add(file + ", section '" + section + "': " + firstDifference(expected, actual));
        }
      }
    });
    return found;
  }

  private static String render(MarkdownReport report, String section) {
    return DocSections.MATRICES.equals(section) ? report.matrices() : report.verdicts();
  }

  private static String firstDifference(String expected, String actual) {
    List<String> lab = expected.lines().toList();
    List<String> docs = actual.lines().toList();
    for (int i = 0; i < Math.max(lab.size(), docs.size()); i++) {
      String fromLab = i < lab.size() ? lab.get(i) : "(nothing)";
      String inDocs = i < docs.size() ? docs.get(i) : "(nothing)";
      if (!fromLab.equals(inDocs)) {
        return "the lab says\n    " + fromLab + "\n  the docs say\n    " + inDocs;
      }
    }
    return "they differ in line endings";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The racefree version and the commit it was built from, as the docs name them. */
  public static String versionAt(Path repo) {
    String commit = git(repo, "rev-parse", "--short", "HEAD");
    if (commit.isEmpty()) {
      return LabVersion.get();
    }
    boolean changed = !git(repo, "status", "--porcelain", "--", "core", "lab", "testing").isEmpty();
    return LabVersion.get() + " at commit " + commit + (changed ? " with uncommitted changes" : "");
  }

  private static String git(Path repo, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private interface Runs {
    List<RunResult> on(ScenarioLab lab, List<Isolation> levels);
  }

  private static Results run(List<Target> servers, StressSettings settings,
      String racefreeVersion, Runs runs) {
    List<DatabaseInfo> infos = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    try (EmbeddedTargets embedded = new EmbeddedTargets()) {
      List<Target> targets = new ArrayList<>(servers);
      targets.addAll(embedded.targets());
      for (Target target : targets) {
        try (LabDatabase database = LabDatabase.open(target)) {
          infos.add(database.info());
          List<Isolation> levels = database.engine().isolations().stream().sorted().toList();
          results.addAll(runs.on(new ScenarioLab(database, (what, fraction) -> { }), levels));
        }
      }
    }
    return new Results(environment(racefreeVersion, settings, infos), results);
  }

  private static Environment environment(String racefreeVersion, StressSettings settings,
      List<DatabaseInfo> databases) {
    String jvm = "Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores";
    return new Environment(racefreeVersion, jvm, os,
        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), settings.seed(),
        settings.threads(), settings.processes(), settings.durationSeconds(), databases);
  }
}
