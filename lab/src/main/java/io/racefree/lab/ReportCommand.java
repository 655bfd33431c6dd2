package io.racefree.lab;

import io.racefree.lab.model.Results;
import io.racefree.lab.report.MarkdownReport;
import io.racefree.lab.report.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code racefree report RESULTS.json [--html FILE] [--markdown FILE]}: re-renders the terminal
 * table and the HTML report from a results file, without re-running anything, and with
 * {@code --markdown} the docs' matrices and advice verdicts. Exits like the run that produced it.
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

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the deterministic matrices and the advice verdicts as markdown.")
  Path markdown;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Results loaded = ResultsFile.read(results);
    Path target = html != null ? html
        : results.toAbsolutePath().resolveSibling("report.html");
    if (markdown != null) {
      MarkdownReport report = new MarkdownReport(loaded, loaded, "racefree report " + results
          + " --markdown");
      writeMarkdown(report.matrices() + "\n" + report.verdicts());
    }
    return ReportOutput.show(loaded, target, spec.commandLine().getOut());
  }

  private void writeMarkdown(String text) {
    try {
      Path parent = markdown.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(markdown, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + markdown + ": " + e.getMessage());
    }
  }
}
