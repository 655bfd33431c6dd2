package io.racefree.lab;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.scenario.Scenarios;
import io.racefree.lab.scenario.StressWorker;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hidden {@code worker} subcommand: one stress worker process, started by {@code run
 * --processes N} with the same jar. It hammers the tables the parent prepared and prints its
 * counts as one JSON line on stdout.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "worker", hidden = true, description = "Internal: one stress worker process.")
public final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--url", required = true) List<String> urls;
  @Option(names = "--user") String user;
  @Option(names = "--password") String password;
  @Option(names = "--workspace", required = true) String workspace;
  @Option(names = "--scenario", required = true) String scenario;
  @Option(names = "--strategy", required = true) String strategy;
  @Option(names = "--isolation", required = true) String isolation;
  @Option(names = "--threads", defaultValue = "4") int threads;
  @Option(names = "--duration", defaultValue = "1") double duration;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--variant") String variant;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Isolation level = Isolation.parse(isolation).orElseThrow(
        () -> new UsageException("unknown isolation " + isolation));
    Target target = Target.of(urls.get(0), user, password).withOtherNodes(urls.subList(1, urls.size()));
    if (variant != null) {
      target = target.withLabel("worker").withVariant("", variant);
    }
    try (LabDatabase database = LabDatabase.attach(target, workspace)) {
      String json = new StressWorker(database).runAsJson(
          Scenarios.named(scenario).orElseThrow(() -> new UsageException("unknown scenario")),
          Strategy.byLabel(strategy).orElseThrow(() -> new UsageException("unknown strategy")),
          level, threads, duration, seed);
      spec.commandLine().getOut().println(json);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }
}
