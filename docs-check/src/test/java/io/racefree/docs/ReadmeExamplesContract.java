package io.racefree.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.testing.db.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's statement blocks ("the library in one screen", get-or-create and
 * update-or-create, locks and safe read-modify-write) in order against a real database with the
 * tables they name, then checks what they did. Subclassed per engine.
 */
abstract class ReadmeExamplesContract {
  TestDatabase testDatabase;

  abstract TestDatabase open();

  /** An auto-generated BIGINT primary key column named id. */
  abstract String identity();

  @BeforeEach
  void createTables() {
    testDatabase = open();
    testDatabase.execute(
        "CREATE TABLE account (" + identity() + ", owner VARCHAR(50) NOT NULL UNIQUE, balance BIGINT NOT NULL DEFAULT 0)",
        "CREATE TABLE audit (" + identity() + ", what VARCHAR(50))",
        "CREATE TABLE tag (" + identity() + ", name VARCHAR(50) NOT NULL UNIQUE, created_by VARCHAR(50))",
        "CREATE TABLE visit (user_id INT PRIMARY KEY, count INT NOT NULL)",
        "CREATE TABLE price (sku VARCHAR(20) PRIMARY KEY, cents INT NOT NULL)",
        "CREATE TABLE job (" + identity() + ", state VARCHAR(10) NOT NULL, created_at TIMESTAMP NULL)",
        "CREATE TABLE ledger (id INT PRIMARY KEY, note VARCHAR(50))",
        "CREATE TABLE doc (id INT PRIMARY KEY, version INT NOT NULL, body VARCHAR(100))",
        "INSERT INTO account (owner, balance) VALUES ('ada', 100)",
        "INSERT INTO account (owner, balance) VALUES ('bob', 50)",
        "INSERT INTO job (state, created_at) VALUES ('new', CURRENT_TIMESTAMP)",
        "INSERT INTO doc (id, version, body) VALUES (3, 41, 'old')");
    SnippetContext.dataSource = testDatabase.dataSource();
    SnippetContext.db = Database.of(testDatabase.dataSource());
    SnippetContext.log.lines.clear();
    SnippetContext.imported.clear();
  }

  @AfterEach
  void dropTables() {
    SnippetContext.dataSource = null;
    SnippetContext.db = null;
    testDatabase.close();
  }

  @Test
  void theReadmesExamplesRunAndDoWhatTheySay() throws Exception {
    List<DocSnippets.Snippet> readme = DocSnippets.in(DocSnippets.ROOT.resolve("README.md"));
    Path classes = SnippetCompiler.compile(readme);
    ClassLoader loader = SnippetCompiler.loader(classes);
    int ran = 0;
    for (DocSnippets.Snippet snippet : readme) {
      if (snippet.declaresTypes()) {
        continue; // a class to read, not statements to run
      }
      try {
        loader.loadClass("snippets." + snippet.id() + ".Snippet").getMethod("run").invoke(null);
      } catch (InvocationTargetException e) {
        throw new AssertionError("README block at " + snippet + " failed: " + e.getCause(), e.getCause());
      }
      ran++;
    }
    assertThat(ran).as("statement blocks run").isGreaterThanOrEqualTo(3);

    Database db = Database.of(testDatabase.dataSource());
    // the library in one screen
    assertThat(db.get("account", Map.of("owner", "cy")).getLong("balance")).isEqualTo(10L);
    assertThat(db.find("audit", Map.of("what", "x"))).isPresent();
    assertThat(SnippetContext.log.lines).contains("committed");
    // get-or-create and update-or-create
    assertThat(db.get("tag", Map.of("name", "java")).getString("created_by")).isEqualTo("ada");
    assertThat(db.list("tag", Map.of())).hasSize(2);
    assertThat(db.get("visit", Map.of("user_id", 7)).getInt("count")).isEqualTo(2);
    assertThat(db.get("price", Map.of("sku", "b-2")).getInt("cents")).isEqualTo(990);
    // locks and read-modify-write: 10 moved from ada (id 1) to bob (id 2)
    assertThat(db.get("account", Map.of("owner", "ada")).getLong("balance")).isEqualTo(90L);
    assertThat(db.get("account", Map.of("owner", "bob")).getLong("balance")).isEqualTo(60L);
    Row doc = db.get("doc", Map.of("id", 3));
    assertThat(doc.getInt("version")).isEqualTo(42);
    assertThat(doc.getString("body")).isEqualTo("new body");
    assertThat(db.get("ledger", Map.of("id", 1)).getString("note")).isEqualTo("closed " + SnippetContext.day);
    assertThat(SnippetContext.imported).hasSize(1);
  }
}
