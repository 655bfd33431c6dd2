package io.racefree.testing.junit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts finished tests per database tag ({@code postgresql}, {@code mariadb}, {@code mysql-driver},
 * {@code sqlite}, {@code h2}, on the test or any enclosing class) and prints one line when the test
 * plan ends, so a build log shows which databases were really exercised:
 *
 * <pre>racefree tests per database: postgresql 12 passed 0 failed, mariadb 9 passed 0 failed, ... (untagged 30)</pre>
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener},
 * so any test run with the testing kit on its classpath prints it. Thread-safe (parallel execution).
 */
public final class PerDatabaseTestCounts implements TestExecutionListener {
  /** The engine tags, in the order they are printed. */
  public static final List<String> DATABASE_TAGS = List.of("postgresql", "mariadb", "mysql-driver", "sqlite", "h2");

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    counts.clear();
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      return;
    }
    String outcome = outcomeName(result.getStatus());
    Set<String> databases = databaseTags(test);
    if (databases.isEmpty()) {
      increment("untagged");
    }
    databases.forEach(database -> increment(database + " " + outcome));
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!counts.isEmpty()) {
      System.out.println(summary());
    }
  }

  /** The line printed at the end of the plan. */
  String summary() {
    String perDatabase = DATABASE_TAGS.stream().map(this::describe).collect(Collectors.joining(", "));
    return "racefree tests per database: " + perDatabase + " (untagged " + count("untagged") + ")";
  }

  private String describe(String database) {
    long skipped = count(database + " skipped");
    return database + " " + count(database + " passed") + " passed " + count(database + " failed") + " failed"
        + (skipped > 0 ? " " + skipped + " skipped" : "");
  }

  private Set<String> databaseTags(TestIdentifier test) {
    Set<String> tags = new HashSet<>();
    Optional<TestIdentifier> current = Optional.of(test);
    while (current.isPresent()) {
      current.get().getTags().stream().map(TestTag::getName).filter(DATABASE_TAGS::contains).forEach(tags::add);
      current = plan == null ? Optional.empty() : plan.getParent(current.get());
    }
    return tags;
  }

  private static String outcomeName(TestExecutionResult.Status status) {
    switch (status) {
      case SUCCESSFUL:
        return "passed";
      case FAILED:
        return "failed";
      default:
        return "skipped";
    }
  }

  private void increment(String key) {
    counts.computeIfAbsent(key, unused -> new LongAdder()).increment();
  }

  private long count(String key) {
    LongAdder adder = counts.get(key);
    return adder == null ? 0 : adder.sum();
  }
}
