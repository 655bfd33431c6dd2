package io.racefree.lab;

import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Results;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.scenario.Scenario;
import io.racefree.lab.scenario.ScenarioLab;
import io.racefree.lab.scenario.Scenarios;
import io.racefree.lab.scenario.StressSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code racefree run}: the scenarios with the chosen strategies, deterministic and (with a
 * duration) stress, at each requested isolation level.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run scenarios x strategies x isolation levels, deterministic and stress.")
public final class RunCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(names = "--scenario", paramLabel = "REGEX", defaultValue = ".*",
      description = "Scenarios whose name matches (default: all).")
  String scenario;

  @Option(names = "--strategy", paramLabel = "REGEX", defaultValue = ".*",
      description = "Strategies whose name matches (default: all).")
  String strategy;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
      description = "Threads per process in stress mode (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--processes", paramLabel = "N", defaultValue = "1",
      description = "Separate worker JVMs in stress mode (default: ${DEFAULT-VALUE}).")
  int processes;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "2",
      description = "Stress duration per run; 0 runs deterministic mode only"
          + " (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed for the stress workload (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "racefree-report",
      description = "Directory for results.json and report.html (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Scenario> scenarios = Scenarios.matching(regex("--scenario", scenario));
    if (scenarios.isEmpty()) {
      throw new UsageException("no scenario matches '" + scenario + "' (see racefree list)");
    }
    List<Strategy> strategies = Strategy.matching(regex("--strategy", strategy));
    if (strategies.isEmpty()) {
      throw new UsageException("no strategy matches '" + strategy + "' (see racefree list)");
    }
    if (threads < 1 || processes < 1 || duration < 0) {
      throw new UsageException("--threads and --processes must be at least 1, --duration >= 0");
    }
    StressSettings stress = new StressSettings(threads, processes, duration, seed);
    Plan plan = new Plan(scenarios, strategies, target.requestedIsolation(), stress, false);
    return execute(plan, target.explicitTarget(), out, spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /** The no-argument run: everything, embedded, with a short stress pass. */
  static int defaultRun(PrintWriter out, PrintWriter err) {
    StressSettings stress = new StressSettings(4, 1, 0.25, 42);
    Plan plan = new Plan(Scenarios.ALL, List.of(Strategy.values()), null, stress, true);
    return execute(plan, null, Path.of("racefree-report"), out, err);
  }

  private static int execute(Plan plan, Target explicit, Path out, PrintWriter stdout,
      PrintWriter err) {
    List<DatabaseInfo> infos = new ArrayList<>();
    List<RunResult> runs = new ArrayList<>();
    try (EmbeddedTargets embedded = new EmbeddedTargets();
        Progress progress = new Progress(err)) {
      for (Target each : explicit == null ? embedded.targets() : List.of(explicit)) {
        try (LabDatabase database = LabDatabase.open(each)) {
          TargetOptions.sayWhichUser(explicit, database, err);
          infos.add(database.info());
          List<Isolation> levels = TargetOptions.levels(plan.isolation(), database);
          runs.addAll(new ScenarioLab(database, progress).runAll(plan.scenarios(),
              plan.strategies(), levels, plan.stress(), plan.stressAtDefaultOnly()));
        }
      }
    }
    StressSettings stress = plan.stress();
    Results results = new Results(EnvironmentFactory.create(stress.seed(), stress.threads(),
        stress.processes(), stress.durationSeconds(), infos), runs);
    return ReportOutput.writeAndShow(results, out, stdout);
  }

  private static Pattern regex(String option, String text) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new UsageException(option + " '" + text + "' is not a regular expression: "
          + e.getDescription());
    }
  }

  /** What to run; {@code stressAtDefaultOnly} keeps the no-argument run under a minute. */
  record Plan(List<Scenario> scenarios, List<Strategy> strategies, Isolation isolation,
      StressSettings stress, boolean stressAtDefaultOnly) {}
}
