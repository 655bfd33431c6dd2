package io.racefree.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of a published module says in its javadoc whether it is thread-safe (or
 * immutable, or confined to one thread); {@code internal} packages are not API and not checked.
 */
class ThreadSafetyDocumentedTest {
  private static final List<String> PUBLISHED = List.of("core", "testing", "spring", "jpa");

  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public (final |abstract |sealed |non-sealed )*(class|interface|enum|record|@interface) ");

  private static final Pattern SAYS_THREADING = Pattern.compile(
      "(?i)thread-safe|thread safe|immutable|not thread|thread-confined|one thread|its actor's thread");

  @Test
  void everyPublicTypeOfAPublishedModuleSaysWhetherItIsThreadSafe() throws IOException {
    List<String> silent = new java.util.ArrayList<>();
    for (String module : PUBLISHED) {
      Path sources = DocSnippets.ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(ThreadSafetyDocumentedTest::isApiSource).toList()) {
          String text = Files.readString(file);
          var type = PUBLIC_TYPE.matcher(text);
          if (type.find() && !SAYS_THREADING.matcher(text.substring(0, type.start())).find()) {
            silent.add(DocSnippets.ROOT.relativize(file).toString());
          }
        }
      }
    }
    assertThat(silent).as("public types whose javadoc does not say whether they are thread-safe").isEmpty();
  }

  private static boolean isApiSource(Path file) {
    String path = file.toString().replace('\\', '/');
    return path.endsWith(".java") && !path.contains("/internal/")
        && !path.endsWith("module-info.java") && !path.endsWith("package-info.java");
  }
}
