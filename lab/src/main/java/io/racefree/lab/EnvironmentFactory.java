package io.racefree.lab;

import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Environment;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds the environment header of a results file from this JVM and the databases used.
 *
 * <p>Stateless and thread-safe.
 */
final class EnvironmentFactory {
  private EnvironmentFactory() {}

  static Environment create(long seed, int threads, int processes, double durationSeconds,
      List<DatabaseInfo> databases) {
    String jvm = "Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores";
    return new Environment(LabVersion.get(), jvm, os,
        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, threads,
        processes, durationSeconds, databases);
  }
}
