package io.racefree.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles snippets with the test classpath, in one javac run; errors point at the Markdown line. */
final class SnippetCompiler {
  private SnippetCompiler() {}

  /** The compiled classes' directory; throws an AssertionError listing every error otherwise. */
  static Path compile(List<DocSnippets.Snippet> snippets) {
    Path output;
    try {
      output = Files.createTempDirectory("racefree-snippets");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Source> sources = snippets.stream().map(Source::new).toList();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", classpath, "-d", output.toString(), "-proc:none",
          "--release", "17", "-Xlint:none");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, sources).call();
      if (!ok) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() instanceof Source source) {
            long docLine = source.snippet.line() + d.getLineNumber() - source.snippet.firstSourceLine();
            errors.add(source.snippet.file().getFileName() + ":" + docLine + ": " + d.getMessage(Locale.ROOT));
          } else if (d.getKind() == Diagnostic.Kind.ERROR) {
            errors.add(d.toString());
          }
        }
        throw new AssertionError("documentation snippets do not compile:\n" + String.join("\n", errors));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return output;
  }

  /** A class loader over the compiled snippets, with the test classes as parent. */
  static ClassLoader loader(Path classes) {
    try {
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, SnippetCompiler.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    final DocSnippets.Snippet snippet;

    Source(DocSnippets.Snippet snippet) {
      super(URI.create("string:///snippets/" + snippet.id() + "/Snippet.java"), Kind.SOURCE);
      this.snippet = snippet;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return snippet.source();
    }
  }
}
