package io.racefree.lab.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * What stress threads (or one worker process) did: completed and failed calls, failures by
 * observation name, created flags, counted increments, each account's net change and the first
 * error no outcome expects (null if none).
 *
 * <p>Immutable and thread-safe; merge builds a new tally.
 */
public record StressTally(long completed, Map<String, Long> failures, long created,
    long increments, long[] netChange, String firstUnexpectedError) {

  public StressTally {
    failures = Map.copyOf(failures);
    netChange = netChange.clone();
  }

  static StressTally empty() {
    return new StressTally(0, Map.of(), 0, 0, new long[Workloads.ACCOUNTS + 1], null);
  }

  StressTally plus(StressTally other) {
    Map<String, Long> merged = new TreeMap<>(failures);
    other.failures.forEach((name, count) -> merged.merge(name, count, Long::sum));
    long[] net = netChange.clone();
    for (int i = 0; i < net.length && i < other.netChange.length; i++) {
      net[i] += other.netChange[i];
    }
    return new StressTally(completed + other.completed, merged, created + other.created,
        increments + other.increments, net,
        firstUnexpectedError != null ? firstUnexpectedError : other.firstUnexpectedError);
  }
}
