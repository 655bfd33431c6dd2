package io.racefree.lab;

import io.racefree.lab.model.Results;
import io.racefree.lab.report.HtmlReport;
import io.racefree.lab.report.ResultsFile;
import io.racefree.lab.report.TerminalReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes results first ({@code DIR/results.json}), then renders the terminal table and
 * {@code report.html} from them, and computes the exit code.
 *
 * <p>Stateless and thread-safe.
 */
final class ReportOutput {
  private ReportOutput() {}

  static int writeAndShow(Results results, Path directory, PrintWriter out) {
    Path json = directory.resolve("results.json");
    try {
      ResultsFile.write(results, json);
    } catch (IOException e) {
      throw new UsageException("cannot write " + json + ": " + e.getMessage());
    }
    return show(results, directory.resolve("report.html"), out);
  }

  static int show(Results results, Path html, PrintWriter out) {
    out.print(new TerminalReport(TerminalReport.colourWanted()).render(results));
    try {
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(html, new HtmlReport().render(results));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.println("report: " + html.toAbsolutePath());
    out.flush();
    return exitCode(results);
  }

  /** 0 when the racefree strategy showed nothing FORBIDDEN, 1 when it did. */
  static int exitCode(Results results) {
    return results.racefreeFailures().isEmpty() ? ExitCodes.OK : ExitCodes.RACEFREE_FAILED;
  }
}
