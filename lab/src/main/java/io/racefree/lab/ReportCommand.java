package io.racefree.lab;

import io.racefree.lab.model.Results;
import io.racefree.lab.report.ResultsFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code racefree report RESULTS.json [--html FILE]}: re-renders the terminal table and the HTML
 * report from a results file, without re-running anything. Exits like the run that produced it.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render a report from results.json without re-running.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A results file.")
  Path results;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Where to write the HTML report (default: report.html next to the results).")
  Path html;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Results loaded = ResultsFile.read(results);
    Path target = html != null ? html
        : results.toAbsolutePath().resolveSibling("report.html");
    return ReportOutput.show(loaded, target, spec.commandLine().getOut());
  }
}
