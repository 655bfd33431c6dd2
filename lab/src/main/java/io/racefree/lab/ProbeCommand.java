package io.racefree.lab;

import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Results;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.probe.IsolationProbe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code racefree probe}: which isolation anomalies the database prevents at each level. On
 * MariaDB it also probes with {@code innodb_snapshot_isolation=ON} as an extra database column.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Run the Hermitage-style isolation probe (G0 ... G2) at each level.")
public final class ProbeCommand implements Callable<Integer> {
  static final String SNAPSHOT_ISOLATION_ON = "SET SESSION innodb_snapshot_isolation = ON";

  @Mixin TargetOptions target;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "racefree-report",
      description = "Directory for results.json and report.html (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Isolation requested = target.requestedIsolation();
    PrintWriter err = spec.commandLine().getErr();
    List<DatabaseInfo> infos = new ArrayList<>();
    List<RunResult> runs = new ArrayList<>();
    try (EmbeddedTargets embedded = new EmbeddedTargets()) {
      Target explicit = target.explicitTarget();
      for (Target each : explicit == null ? embedded.targets() : List.of(explicit)) {
        probeTarget(each, requested, infos, runs, err);
      }
    }
    Results results = new Results(EnvironmentFactory.create(0, 0, 0, 0, infos), runs);
    int code = ReportOutput.writeAndShow(results, out, spec.commandLine().getOut());
    return results.broken().isEmpty() ? code : ExitCodes.ERROR;
  }

  private static void probeTarget(Target target, Isolation requested, List<DatabaseInfo> infos,
      List<RunResult> runs, PrintWriter err) {
    List<Target> variants = new ArrayList<>();
    try (LabDatabase database = LabDatabase.open(target)) {
      TargetOptions.sayWhichUser(target, database, err);
      List<Isolation> levels = TargetOptions.levels(requested, database);
      infos.add(database.info());
      runs.addAll(probe(database, levels, err));
      if (database.engine() == Engine.MARIADB) {
        variants.add(target.withLabel(database.label()).withVariant("-si",
            SNAPSHOT_ISOLATION_ON));
      }
    }
    for (Target variant : variants) {
      try (LabDatabase database = LabDatabase.open(variant)) {
        infos.add(database.info());
        runs.addAll(probe(database, TargetOptions.levels(requested, database), err));
      } catch (UsageException e) {
        err.println("racefree: skipped " + variant.label() + ": " + e.getMessage());
      }
    }
  }

  private static List<RunResult> probe(LabDatabase database, List<Isolation> levels,
      PrintWriter err) {
    err.printf("probing %s at %s%n", database.label(), levels);
    err.flush();
    return new IsolationProbe().probeAll(database, levels, run -> { });
  }
}
