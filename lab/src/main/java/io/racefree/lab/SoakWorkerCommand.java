package io.racefree.lab;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.soak.SoakSettings;
import io.racefree.lab.soak.SoakWorker;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hidden {@code soak-worker} subcommand: the callers of one worker process, started by {@code
 * soak --processes N} with the same jar on the tables the soak prepared. It prints its progress and
 * then what its callers were told, as JSON, on stdout.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "soak-worker", hidden = true, description = "Internal: the callers of one soak worker process.")
public final class SoakWorkerCommand implements Callable<Integer> {
  @Option(names = "--url", required = true) String url;
  @Option(names = "--user") String user;
  @Option(names = "--password") String password;
  @Option(names = "--workspace", required = true) String workspace;
  @Option(names = "--threads", required = true) int threads;
  @Option(names = "--pool", required = true) int pool;
  @Option(names = "--seed", required = true) long seed;
  @Option(names = "--until", required = true) long untilEpochMillis;
  @Option(names = "--contrast", required = true, arity = "1") boolean contrast;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SoakSettings settings = new SoakSettings(1, threads, pool, Set.of(), 1, seed, 1, contrast);
    try (LabDatabase database = LabDatabase.attach(Target.of(url, user, password), workspace)) {
      new SoakWorker(database).run(settings, seed, untilEpochMillis, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
