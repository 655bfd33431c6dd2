package io.racefree.lab.scenario;

/**
 * Parameters of a stress run: threads per process, worker processes, duration and seed.
 *
 * <p>Immutable and thread-safe.
 */
public record StressSettings(int threads, int processes, double durationSeconds, long seed) {
  public boolean enabled() {
    return durationSeconds > 0;
  }
}
