package io.racefree.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ```java blocks of README.md and docs/*.md, each as a compilable source file.
 *
 * <p>A block that declares types (it starts with {@code import}, or has a top-level class, record,
 * interface or enum) is a compilation unit as written. Any other block is a run of statements,
 * compiled as the body of {@code static void run() throws Exception}. Both get the same imports:
 * racefree's API packages, java.util, java.time, java.sql, javax.sql, JUnit, AssertJ, and the names
 * of {@link SnippetContext}. Nothing is hidden per block, so what a reader sees is what compiles.
 */
final class DocSnippets {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern TYPE_DECLARATION = Pattern.compile(
      "(?m)^(import |package |((public|final|abstract|sealed)\\s+)*(class|record|interface|enum|@interface)\\s|@\\w+)");
  private static final String IMPORTS = String.join("\n",
      "import io.racefree.*;",
      "import io.racefree.error.*;",
      "import io.racefree.lock.*;",
      "import io.racefree.tx.*;",
      "import io.racefree.upsert.*;",
      "import io.racefree.testing.*;",
      "import io.racefree.testing.db.*;",
      "import java.math.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.function.*;",
      "import java.sql.Connection;",
      "import java.sql.SQLException;",
      "import java.sql.Statement;",
      "import java.sql.ResultSet;",
      "import java.sql.PreparedStatement;",
      "import javax.sql.DataSource;",
      "import org.junit.jupiter.api.*;",
      "import static org.assertj.core.api.Assertions.*;",
      "import io.racefree.docs.SnippetContext.*;",
      "import static io.racefree.docs.SnippetContext.*;",
      "");

  /** One block: where it is, and its text. */
  record Snippet(Path file, int line, int index, String code) {
    String id() {
      String base = file.getFileName().toString().replace(".md", "").replaceAll("[^A-Za-z0-9]", "_");
      return "s_" + base.toLowerCase() + "_" + index;
    }

    boolean declaresTypes() {
      return TYPE_DECLARATION.matcher(code).find();
    }

    /** The source file: package {@code snippets.<id>}, the shared imports, the block. */
    String source() {
      String header = "package snippets." + id() + ";\n" + IMPORTS;
      if (declaresTypes()) {
        return header + code;
      }
      return header + "public class Snippet {\n  public static void run() throws Exception {\n" + code
          + "\n  }\n}\n";
    }

    /** The line in the source where the block's first line is. */
    int firstSourceLine() {
      return (int) (source().substring(0, source().indexOf(code)).chars().filter(c -> c == '\n').count()) + 1;
    }

    @Override
    public String toString() {
      return ROOT.relativize(file) + ":" + line;
    }
  }

  static List<Snippet> all() {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path file : files) {
      snippets.addAll(in(file));
    }
    return snippets;
  }

  static List<Snippet> in(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      StringBuilder code = new StringBuilder();
      int start = i + 1;
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        code.append(lines.get(i)).append('\n');
      }
      snippets.add(new Snippet(file, start + 1, snippets.size() + 1, code.toString()));
    }
    return snippets;
  }
}
