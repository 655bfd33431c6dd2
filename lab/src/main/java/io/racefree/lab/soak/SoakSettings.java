package io.racefree.lab.soak;

import io.racefree.lab.UsageException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How long and how hard a soak runs, and which faults it injects. Immutable.
 *
 * @param durationSeconds how long the callers run
 * @param threads callers in each process, each in its own thread
 * @param poolSize connections in the soak's pool (fewer than threads: callers queue for them)
 * @param faults the fault kinds injected, in turn
 * @param faultEverySeconds the pause between two injections
 * @param seed the seed of every caller's random choices
 * @param processes processes with callers: this one and {@code processes - 1} workers
 * @param contrast whether plain-JDBC callers (a quarter as many, on a pool of their own) make the
 *     same kinds of calls the usual way, on tables of their own
 */
public record SoakSettings(double durationSeconds, int threads, int poolSize, Set<FaultKind> faults,
    double faultEverySeconds, long seed, int processes, boolean contrast) {

  public SoakSettings {
    if (durationSeconds <= 0 || threads < 1 || poolSize < 1 || faultEverySeconds <= 0 || processes < 1) {
      throw new UsageException("--duration and --fault-every must be above 0, --threads, --pool and --processes"
          + " at least 1");
    }
    faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
  }

  /** One process, with the contrast. */
  public SoakSettings(double durationSeconds, int threads, int poolSize, Set<FaultKind> faults,
      double faultEverySeconds, long seed) {
    this(durationSeconds, threads, poolSize, faults, faultEverySeconds, seed, 1, true);
  }

  /** The same settings with {@code count} processes. */
  public SoakSettings withProcesses(int count) {
    return new SoakSettings(durationSeconds, threads, poolSize, faults, faultEverySeconds, seed, count, contrast);
  }

  /** The fault kinds from a comma-separated list: {@code all}, {@code none} or labels. */
  public static Set<FaultKind> parseFaults(String text) {
    if ("all".equalsIgnoreCase(text.trim())) {
      return EnumSet.allOf(FaultKind.class);
    }
    if ("none".equalsIgnoreCase(text.trim())) {
      return Set.of();
    }
    List<FaultKind> kinds = new ArrayList<>();
    for (String part : text.split(",")) {
      kinds.add(FaultKind.parse(part).orElseThrow(() -> new UsageException("unknown fault '" + part.trim()
          + "' (use all, none or a list of " + String.join(", ", labels()) + ")")));
    }
    return EnumSet.copyOf(kinds);
  }

  private static List<String> labels() {
    return java.util.Arrays.stream(FaultKind.values()).map(FaultKind::label).toList();
  }
}
