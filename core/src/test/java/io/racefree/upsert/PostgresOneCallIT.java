package io.racefree.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.error.UniqueViolationException;
import io.racefree.support.ObservingDataSource;
import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code db.getOrCreate} creates with one auto-committed insert and {@code db.updateOrCreate} runs
 * in a transaction racefree begins for that one call: nothing runs after a failed statement there,
 * so on PostgreSQL their writes need no savepoint (two round trips fewer). The same call inside the application's transaction keeps
 * the savepoint, because the application may go on after a failure.
 */
@Tag("postgresql")
class PostgresOneCallIT {
  private TestDatabase testDatabase;
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private Database db;

  @BeforeEach
  void createSchema() {
    testDatabase = TestDatabases.postgres();
    testDatabase.execute("CREATE TABLE tag (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        + " name VARCHAR(40) NOT NULL UNIQUE, slug VARCHAR(40) UNIQUE, uses INT NOT NULL DEFAULT 0)");
    db = Database.of(recordingStatements(testDatabase.dataSource()));
  }

  @AfterEach
  void dropSchema() {
    testDatabase.close();
  }

  @Test
  void aCallOfItsOwnWritesWithoutASavepointAndStillFailsTyped() {
    statements.clear();
    assertThat(db.getOrCreate("tag", Map.of("name", "java"), Map.of("slug", "java")).created()).isTrue();
    assertThat(db.updateOrCreate("tag", Map.of("name", "java"), Map.of("uses", 1), null).updated()).isTrue();
    assertThat(db.updateOrCreate("tag", Map.of("name", "sql"), Map.of("uses", 1), null).created()).isTrue();
    assertThat(statements).noneMatch(sql -> sql.contains("SAVEPOINT"));

    assertThatThrownBy(() -> db.getOrCreate("tag", Map.of("name", "jvm"), Map.of("slug", "java")))
        .isInstanceOf(UniqueViolationException.class);
    assertThat(db.find("tag", Map.of("name", "jvm"))).isEmpty();
    assertThat(db.get("tag", Map.of("name", "java")).getInt("uses")).isEqualTo(1);
  }

  @Test
  void insideTheApplicationsTransactionTheSavepointStaysAndTheTransactionGoesOn() {
    statements.clear();
    db.useTransaction(tx -> {
      tx.getOrCreate("tag", Map.of("name", "a"), Map.of("slug", "a"));
      tx.getOrCreate("tag", Map.of("name", "b"), Map.of("slug", "b"));
      assertThatThrownBy(() -> tx.getOrCreate("tag", Map.of("name", "c"), Map.of("slug", "b")))
          .isInstanceOf(UniqueViolationException.class);
      assertThat(tx.get("tag", Map.of("name", "b")).getString("slug")).isEqualTo("b");
    });
    assertThat(statements).anyMatch(sql -> sql.startsWith("SAVEPOINT"));
    assertThat(db.list("tag", Map.of())).extracting(row -> row.getString("name")).containsExactlyInAnyOrder("a", "b");
  }

  /** The test database's connections, recording the SQL each prepares or executes. */
  private DataSource recordingStatements(DataSource target) {
    return new ObservingDataSource(target, (method, args, result) -> {
      if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
        statements.add(sql);
      }
      if (method.getName().equals("createStatement") && result instanceof Statement statement) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
            (proxy, executed, executedArgs) -> {
              if (executed.getName().startsWith("execute") && executedArgs != null && executedArgs[0] instanceof String sql) {
                statements.add(sql);
              }
              return ObservingDataSource.invoke(executed, statement, executedArgs);
            });
      }
      return result;
    });
  }
}
