package io.racefree.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles the Java examples of docs/integration.md and of the README's section on joining the
 * application's transaction against the real API (core, spring, jpa, Spring, Hibernate).
 */
class DocumentationExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void integrationPageExamplesCompile() throws IOException {
    List<String> blocks = javaBlocks(Files.readString(ROOT.resolve("docs/integration.md")));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    assertCompiles("integration", blocks);
  }

  @Test
  void readmeJoiningExampleCompiles() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("## Inside your application's transaction");
    assertThat(start).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    List<String> blocks = javaBlocks(readme.substring(start, end < 0 ? readme.length() : end));
    assertThat(blocks).hasSize(1);
    assertCompiles("readme", blocks);
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  private static void assertCompiles(String name, List<String> blocks) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String unitName = name + "Example" + i;
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + unitName + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return blocks.get(sources.indexOf(this));
        }
      });
    }
    Path out = Files.createTempDirectory("racefree-doc-examples");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    StringWriter diagnostics = new StringWriter();
    boolean ok = compiler.getTask(diagnostics, null, null,
        List.of("-classpath", classPath, "-d", out.toString(), "-proc:none", "-Xlint:none"),
        null, sources).call();
    assertThat(ok).as("the %s examples compile:%n%s", name, diagnostics).isTrue();
  }
}
