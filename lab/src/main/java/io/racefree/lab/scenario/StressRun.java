package io.racefree.lab.scenario;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One stress run: set up the tables, hammer them from threads (and, with more than one process,
 * from separate worker JVMs started with the same jar), then check the invariants.
 *
 * <p>Not thread-safe: one run per instance.
 */
final class StressRun {
  private final LabDatabase database;
  private final ProgressListener progress;

  StressRun(LabDatabase database, ProgressListener progress) {
    this.database = database;
    this.progress = progress;
  }

  /** Counts of named observations and completed calls per second. */
  record Measured(Map<String, Long> counts, double opsPerSecond, String unexpected) {}

  Measured run(Scenario scenario, Strategy strategy, Isolation isolation,
      StressSettings settings, String label) throws SQLException, IOException,
      InterruptedException {
    scenario.prepareStress(database);
    List<Process> workers = new ArrayList<>();
    // An in-memory H2 database lives in this JVM only: other processes cannot reach it.
    int processes = database.target().url().startsWith("jdbc:h2:mem:") ? 1 : settings.processes();
    for (int i = 1; i < processes; i++) {
      workers.add(startWorker(scenario, strategy, isolation, settings, i));
    }
    CompletableFuture<StressTally> local = CompletableFuture.supplyAsync(() ->
        new StressWorker(database).run(scenario, strategy, isolation, settings.threads(),
            settings.durationSeconds(), settings.seed()));
    long started = System.nanoTime();
    while (!local.isDone()) {
      double elapsed = (System.nanoTime() - started) / 1e9;
      progress.update(label, Math.min(1, elapsed / settings.durationSeconds()));
      try {
        local.get(100, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        // keep drawing until done; an ExecutionException surfaces from join() below
      }
    }
    StressTally total = local.join();
    for (Process worker : workers) {
      total = total.plus(collect(worker));
    }
    return new Measured(Workloads.verify(database, scenario, total),
        total.completed() / settings.durationSeconds(), total.firstUnexpectedError());
  }

  private Process startWorker(Scenario scenario, Strategy strategy, Isolation isolation,
      StressSettings settings, int index) throws IOException {
    List<String> command = WorkerJvm.command("worker");
    for (String url : database.target().rotated(index + 1).nodeUrls()) {
      command.addAll(List.of("--url", url));
    }
    command.addAll(List.of("--workspace", database.workspace(), "--scenario", scenario.name(),
        "--strategy", strategy.label(),
        "--isolation", isolation.name(), "--threads", String.valueOf(settings.threads()),
        "--duration", String.valueOf(settings.durationSeconds()),
        "--seed", String.valueOf(settings.seed() + index)));
    if (database.target().user() != null) {
      command.addAll(List.of("--user", database.target().user()));
    }
    if (database.target().password() != null && !database.target().password().isEmpty()) {
      command.addAll(List.of("--password", database.target().password()));
    }
    for (String setting : database.target().variantSettings()) {
      command.addAll(List.of("--variant", setting));
    }
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static StressTally collect(Process worker) throws IOException, InterruptedException {
    String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (worker.waitFor() != 0) {
      throw new IOException("a stress worker process failed (exit " + worker.exitValue() + ")");
    }
    String last = output.strip().lines().reduce((first, second) -> second).orElse("");
    return StressWorker.fromJson(last);
  }
}
