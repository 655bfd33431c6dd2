package io.racefree.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every contender of one workload on one database at one thread count, measured in the same
 * interleaved rounds. Immutable.
 */
public record ScenarioResult(String workload, String engine, int threads, List<ContenderResult> contenders) {

  /** The first racefree contender, or null if the scenario has none. */
  public ContenderResult racefree() {
    return contenders.stream().filter(c -> c.role() == Role.RACEFREE).findFirst().orElse(null);
  }

  /** The contender called {@code name}, or null. */
  public ContenderResult contender(String name) {
    return contenders.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** racefree's throughput divided by each other contender's, in contender order. */
  public Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    ContenderResult racefree = racefree();
    if (racefree == null) {
      return ratios;
    }
    for (ContenderResult other : contenders) {
      if (other != racefree && other.opsPerSecond() > 0) {
        ratios.put(other.name(), racefree.opsPerSecond() / other.opsPerSecond());
      }
    }
    return ratios;
  }
}
