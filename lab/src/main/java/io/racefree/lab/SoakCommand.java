package io.racefree.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.LocalServer;
import io.racefree.lab.soak.FaultKind;
import io.racefree.lab.db.Target;
import io.racefree.lab.soak.SoakReport;
import io.racefree.lab.soak.SoakResult;
import io.racefree.lab.soak.SoakRun;
import io.racefree.lab.soak.ServerRestart;
import io.racefree.lab.soak.SoakSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code racefree soak}: racefree's own calls from many threads for a while, with faults injected
 * on a schedule, then the invariants checked from the database.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Run racefree's calls under load with faults injected, then check that nothing was lost.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every invariant held", "1:an invariant was broken",
        "2:bad arguments, an unreachable database or another error"})
public final class SoakCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([sm]?)");

  @Option(names = "--url", paramLabel = "URL",
      description = "JDBC URL of one server (default: embedded H2 and SQLite, in process).")
  String url;

  @Option(names = "--server", paramLabel = "KIND", split = ",",
      description = "Start a throwaway server of this kind (postgresql, mariadb or both, comma-separated) from the"
          + " machine's installed binaries, on a free port with its data in a temporary directory, soak it and"
          + " remove it; the restart fault restarts it. Instead of --url.")
  List<String> servers;

  @Option(names = "--user", paramLabel = "U", description = "Database user.")
  String user;

  @Option(names = "--password", paramLabel = "P", description = "Database password.")
  String password;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "60s",
      description = "How long the callers run per database: seconds, or with s or m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "32",
      description = "Callers, one thread each (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--processes", paramLabel = "N", defaultValue = "1",
      description = "Processes with callers: this one and N - 1 worker JVMs started with the same jar, each with"
          + " --threads callers on a pool of its own (default: ${DEFAULT-VALUE}; one for the in-memory H2).")
  int processes;

  @Option(names = "--no-contrast",
      description = "Without the contrast: by default plain-JDBC callers (a quarter as many, on a pool of their own)"
          + " make the same kinds of calls the usual way, on tables of their own, and the report says what they"
          + " did to them.")
  boolean noContrast;

  @Option(names = "--pool", paramLabel = "N", defaultValue = "8",
      description = "Connections in the pool; fewer than threads, so callers queue (default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--faults", paramLabel = "LIST", defaultValue = "all",
      description = "all, none, or a comma-separated list of kill, cancel, pool, lock, restart (default: ${DEFAULT-VALUE}).")
  String faults;

  @Option(names = "--restart-command", paramLabel = "CMD",
      description = "Shell command that restarts the --url server, for the restart fault (for example"
          + " 'pg_ctlcluster 15 main restart'); without it the soak restarts nothing.")
  String restartCommand;

  @Option(names = "--fault-every", paramLabel = "SECONDS", defaultValue = "2",
      description = "Pause between two injected faults (default: ${DEFAULT-VALUE}).")
  double faultEvery;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the callers' random choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "racefree-report",
      description = "Directory for soak.json and soak.html (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SoakSettings settings = new SoakSettings(seconds(duration), threads, pool, SoakSettings.parseFaults(faults),
        faultEvery, seed, processes, !noContrast);
    List<LocalServer.Kind> localKinds = localServerKinds();
    if (url != null && !localKinds.isEmpty()) {
      throw new UsageException("give either --url or --server, not both");
    }
    if (restartCommand != null && url == null) {
      throw new UsageException("--restart-command restarts the --url server; the embedded databases run in this process"
          + " and the lab restarts a --server itself");
    }
    if (restartCommand == null && localKinds.isEmpty() && !"all".equalsIgnoreCase(faults.trim())
        && settings.faults().contains(FaultKind.RESTART)) {
      throw new UsageException("the restart fault needs --restart-command or --server");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    List<SoakResult> results = new ArrayList<>();
    try (EmbeddedTargets embedded = new EmbeddedTargets(); Progress progress = new Progress(spec.commandLine().getErr())) {
      if (!localKinds.isEmpty()) {
        for (LocalServer.Kind kind : localKinds) {
          try (LocalServer server = LocalServer.start(kind)) {
            Target target = server.target().withLabel(server.target().label() + ", the lab's own server");
            results.add(soak(target, server::restart, settings, progress, null));
          } catch (IOException e) {
            throw new UsageException("cannot start a local " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " server: " + e.getMessage().lines().findFirst().orElse(""), e);
          }
        }
      } else {
        Target explicit = url == null ? null : Target.of(url, user, password);
        ServerRestart restart = restartCommand == null ? null : ServerRestart.command(restartCommand);
        for (Target target : explicit == null ? embedded.targets() : List.of(explicit)) {
          results.add(soak(target, restart, settings, progress, explicit));
        }
      }
    }
    write(results);
    stdout.print(SoakReport.terminal(results));
    stdout.println("report: " + out.resolve("soak.html").toAbsolutePath());
    stdout.flush();
    return results.stream().allMatch(SoakResult::passed) ? ExitCodes.OK : ExitCodes.RACEFREE_FAILED;
  }

  private SoakResult soak(Target target, ServerRestart restart, SoakSettings settings, Progress progress,
      Target explicit) throws InterruptedException {
    try (LabDatabase database = LabDatabase.open(target)) {
      TargetOptions.sayWhichUser(explicit, database, spec.commandLine().getErr());
      return new SoakRun(database, progress, restart).run(settings);
    } catch (SQLException e) {
      throw new UsageException("soak on " + target.safeUrl() + " failed: " + e.getMessage(), e);
    }
  }

  private List<LocalServer.Kind> localServerKinds() {
    List<LocalServer.Kind> kinds = new ArrayList<>();
    for (String name : servers == null ? List.<String>of() : servers) {
      kinds.add(java.util.Arrays.stream(LocalServer.Kind.values())
          .filter(kind -> kind.name().equalsIgnoreCase(name.trim())).findFirst()
          .orElseThrow(() -> new UsageException("--server '" + name.trim() + "' is not postgresql or mariadb")));
    }
    return kinds;
  }

  private void write(List<SoakResult> results) {
    try {
      Files.createDirectories(out);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("soak.json").toFile(), results);
      Files.writeString(out.resolve("soak.html"), SoakReport.html(results));
    } catch (IOException e) {
      throw new UsageException("cannot write the soak report to " + out + ": " + e.getMessage(), e);
    }
  }

  /** Seconds from "90", "90s" or "10m". */
  static double seconds(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new UsageException("--duration '" + text + "' is not a time (use 90, 90s or 10m)");
    }
    double value = Double.parseDouble(matcher.group(1));
    return "m".equals(matcher.group(2)) ? value * 60 : value;
  }
}
