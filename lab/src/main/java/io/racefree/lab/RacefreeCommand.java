package io.racefree.lab;

import io.racefree.lab.report.DocsCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code racefree} command. With no arguments it runs every scenario with every strategy on
 * the embedded databases (H2 and SQLite, in process), prints the table and writes the report to
 * {@code ./racefree-report/}.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "racefree", mixinStandardHelpOptions = true, versionProvider = LabVersion.class,
    description = "The race lab: shows which concurrency advice holds on your database.",
    subcommands = {RunCommand.class, ProbeCommand.class, SoakCommand.class, ReportCommand.class, ListCommand.class,
        WorkerCommand.class, DocsCommand.class, SoakWorkerCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the racefree strategy showed no FORBIDDEN outcome",
        "1:the racefree strategy showed a FORBIDDEN outcome",
        "2:bad arguments, an unreachable database or another error"})
public final class RacefreeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return RunCommand.defaultRun(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err,
        true)));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RacefreeCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((ex, arguments) -> {
      err.println("racefree: " + ex.getMessage() + " (see racefree --help)");
      err.flush();
      return ExitCodes.ERROR;
    });
    commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
      err.println("racefree: " + oneLine(ex));
      if (System.getenv("RACEFREE_DEBUG") != null) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.ERROR;
    });
    return commandLine.execute(args);
  }

  private static String oneLine(Throwable ex) {
    String message = ex instanceof UsageException ? ex.getMessage()
        : "internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
