package io.racefree.lab.model;

import java.util.List;

/**
 * The header of every result file and report: versions of racefree, the JVM and each database,
 * and the run parameters that make a run reproducible.
 *
 * <p>Immutable and thread-safe.
 */
public record Environment(
    String racefreeVersion,
    String jvm,
    String os,
    String startedAt,
    long seed,
    int threads,
    int processes,
    double durationSeconds,
    List<DatabaseInfo> databases) {

  public Environment {
    databases = databases == null ? List.of() : List.copyOf(databases);
  }
}
