package io.racefree.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ```java block of README.md and docs/*.md compiles (see {@link DocSnippets} for how). */
class DocSnippetsCompileTest {
  @Test
  void everyJavaBlockCompiles() {
    List<DocSnippets.Snippet> snippets = DocSnippets.all();
    assertThat(snippets).hasSizeGreaterThan(10);
    SnippetCompiler.compile(snippets);
  }
}
