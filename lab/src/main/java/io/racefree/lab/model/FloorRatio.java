package io.racefree.lab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * racefree's stress throughput as a ratio of the floor's (one hand-written statement doing the
 * job), for one scenario on one database at one level, with the hard case's ratio beside it when
 * it was measured: "racefree 0.93× the floor".
 *
 * @param racefree operations per second of {@code racefree}, the same work as the others
 * @param hardCase operations per second of {@code racefree-hard-case}, or null if not measured
 * @param floor operations per second of {@code floor}
 *     <p>Immutable and thread-safe.
 */
public record FloorRatio(String database, Isolation isolation, String scenario, double racefree,
    Double hardCase, double floor) {

  public FloorRatio {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(scenario, "scenario");
  }

  /** One ratio per scenario, database and level where both racefree and the floor were measured. */
  public static List<FloorRatio> of(List<RunResult> runs) {
    Map<List<Object>, Map<Strategy, Double>> groups = new LinkedHashMap<>();
    for (RunResult run : runs) {
      Optional<Strategy> strategy = Strategy.byLabel(run.strategy());
      if (RunResult.STRESS.equals(run.mode()) && run.status() == RunStatus.OK
          && run.opsPerSecond() != null && strategy.isPresent()) {
        groups.computeIfAbsent(key(run), k -> new LinkedHashMap<>())
            .put(strategy.get(), run.opsPerSecond());
      }
    }
    List<FloorRatio> ratios = new ArrayList<>();
    groups.forEach((key, ops) -> {
      Double racefree = ops.get(Strategy.RACEFREE);
      Double floor = ops.get(Strategy.FLOOR);
      if (racefree != null && floor != null && floor > 0) {
        ratios.add(new FloorRatio((String) key.get(0), (Isolation) key.get(1),
            (String) key.get(2), racefree, ops.get(Strategy.RACEFREE_HARD_CASE), floor));
      }
    });
    return ratios;
  }

  /** The ratio for the stress runs of {@code run}'s scenario, database and level, if any. */
  public static Optional<FloorRatio> forGroupOf(RunResult run, List<FloorRatio> ratios) {
    return ratios.stream().filter(ratio -> ratio.database.equals(run.database())
        && ratio.isolation == run.isolation() && ratio.scenario.equals(run.scenario())).findFirst();
  }

  private static List<Object> key(RunResult run) {
    return Arrays.asList(run.database(), run.isolation(), run.scenario());
  }

  /** racefree's operations per second over the floor's. */
  public double ratio() {
    return racefree / floor;
  }

  /** The hard case's operations per second over the floor's, if measured. */
  public Optional<Double> hardCaseRatio() {
    return Optional.ofNullable(hardCase).map(ops -> ops / floor);
  }

  /** "racefree 0.93× the floor", and the hard case's ratio when measured. */
  public String text() {
    String text = String.format(Locale.ROOT, "racefree %.2f× the floor", ratio());
    return hardCaseRatio().map(hard -> text + String.format(Locale.ROOT,
        " (the hard case %.2f×)", hard)).orElse(text);
  }
}
