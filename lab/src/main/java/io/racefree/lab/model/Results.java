package io.racefree.lab.model;

import java.util.List;

/**
 * The whole content of {@code results.json}: environment first, then every run.
 *
 * <p>Immutable and thread-safe.
 */
public record Results(Environment environment, List<RunResult> runs) {
  public Results {
    runs = runs == null ? List.of() : List.copyOf(runs);
  }

  /**
   * Scenario runs of the library's own call ({@code racefree} and {@code racefree-hard-case})
   * that observed a FORBIDDEN outcome; the {@code floor} is a throughput reference and never
   * counts.
   */
  public List<RunResult> racefreeFailures() {
    return runs.stream()
        .filter(run -> RunResult.SCENARIO.equals(run.kind()))
        .filter(run -> Strategy.byLabel(run.strategy()).map(Strategy::isRacefree).orElse(false))
        .filter(run -> run.grade() == Grade.FAILED)
        .toList();
  }

  /** Runs the lab could not carry out (status ERROR or TIMEOUT). */
  public List<RunResult> broken() {
    return runs.stream()
        .filter(run -> run.status() == RunStatus.ERROR || run.status() == RunStatus.TIMEOUT)
        .toList();
  }
}
