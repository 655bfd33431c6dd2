package io.racefree.lab.report;

import io.racefree.lab.UsageException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The generated sections of a markdown file, each between {@code <!-- racefree:NAME:begin -->}
 * and {@code <!-- racefree:NAME:end -->}: read one, replace one, compare one without the line
 * saying what produced it.
 *
 * <p>Stateless and thread-safe.
 */
public final class DocSections {
  public static final String MATRICES = "matrices";
  public static final String VERDICTS = "verdicts";

  private DocSections() {}

  static String begin(String name) {
    return "<!-- racefree:" + name + ":begin -->\n";
  }

  static String end(String name) {
    return "<!-- racefree:" + name + ":end -->";
  }

  /** The text between the section's markers, or empty when the file has no such section. */
  public static Optional<String> body(String text, String name) {
    int begin = text.indexOf(begin(name));
    int end = text.indexOf(end(name));
    if (begin < 0 || end < begin) {
      return Optional.empty();
    }
    return Optional.of(text.substring(begin + begin(name).length(), end));
  }

  /** The text with the section's body replaced; the markers must be there. */
  public static String replaced(String text, String name, String body) {
    int begin = text.indexOf(begin(name));
    int end = text.indexOf(end(name));
    if (begin < 0 || end < begin) {
      throw new UsageException("no section '" + name + "': add the lines " + begin(name).trim()
          + " and " + end(name) + " where it goes");
    }
    return text.substring(0, begin + begin(name).length()) + body + text.substring(end);
  }

  /** The body without the line saying what produced it, which names versions and a commit. */
  public static String withoutProvenance(String body) {
    return body.lines().filter(line -> !line.startsWith(MarkdownReport.PROVENANCE))
        .collect(Collectors.joining("\n"));
  }
}
