package io.racefree.lab.report;

import io.racefree.lab.db.Target;
import io.racefree.lab.model.Results;
import io.racefree.lab.scenario.StressSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code racefree docs [--write]} (hidden, for maintainers): runs the deterministic lab on
 * PostgreSQL, MariaDB (the test suite's servers: {@code RACEFREE_PG_URL}, {@code
 * RACEFREE_MARIADB_URL} and their users) and the embedded H2 and SQLite, then checks or, with
 * {@code --write}, rewrites the generated sections of README.md and docs/lab.md. With
 * {@code --write} it also reruns the stress runs the verdict table asks for and rewrites
 * {@code docs/results/lab-stress.json}, unless {@code --stress-seconds 0}.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "docs", hidden = true, mixinStandardHelpOptions = true,
    description = "Check (or with --write regenerate) the lab's output in README.md and docs/lab.md.")
public final class DocsCommand implements Callable<Integer> {
  @Option(names = "--write", description = "Rewrite the sections instead of checking them.")
  boolean write;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The repository root (default: the current directory).")
  Path repo;

  @Option(names = "--stress-seconds", paramLabel = "S", defaultValue = "3",
      description = "Seconds per stress run with --write; 0 keeps the committed stress results"
          + " (default: ${DEFAULT-VALUE}).")
  double stressSeconds;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
      description = "Threads per stress run (default: ${DEFAULT-VALUE}).")
  int threads;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Target> servers = List.of(
        server("RACEFREE_PG", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
        server("RACEFREE_MARIADB", "jdbc:mariadb://127.0.0.1:3306/test", "root"));
    String version = LabDocs.versionAt(repo);
    err.println("racefree docs: deterministic runs on " + urls(servers) + ", H2 and SQLite");
    err.flush();
    Results deterministic = LabDocs.deterministic(servers, version);
    Results stress;
    if (write && stressSeconds > 0) {
      err.println("racefree docs: stress runs, " + threads + " threads, " + stressSeconds
          + " s each");
      err.flush();
      stress = LabDocs.stress(servers, new StressSettings(threads, 1, stressSeconds, 42),
          version);
      ResultsFile.write(stress, repo.resolve(LabDocs.STRESS_RESULTS));
    } else {
      stress = ResultsFile.read(repo.resolve(LabDocs.STRESS_RESULTS));
    }
    MarkdownReport report = new MarkdownReport(deterministic, stress, LabDocs.REGENERATE);
    if (write) {
      for (Map.Entry<Path, String> file : LabDocs.rewritten(repo, report).entrySet()) {
        Files.writeString(repo.resolve(file.getKey()), file.getValue());
        out.println("wrote " + file.getKey());
      }
      out.flush();
      return 0;
    }
    List<String> disagreements = LabDocs.disagreements(repo, report);
    disagreements.forEach(out::println);
    out.println(disagreements.isEmpty() ? "the docs show the lab's own output"
        : "regenerate them with " + LabDocs.REGENERATE);
    out.flush();
    return disagreements.isEmpty() ? 0 : 1;
  }

  private static Target server(String prefix, String defaultUrl, String defaultUser) {
    return Target.of(environment(prefix + "_URL", defaultUrl),
        environment(prefix + "_USER", defaultUser), environment(prefix + "_PASSWORD", ""));
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String urls(List<Target> targets) {
    return String.join(", ", targets.stream().map(Target::safeUrl).toList());
  }
}
