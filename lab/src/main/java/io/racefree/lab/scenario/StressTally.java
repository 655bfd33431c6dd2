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
    return new StressTally(0, Map.of(), 0, 0, noNetChange(), null);
  }

  /** One completed call: its created rows, counted increments and net change per account. */
  static StressTally call(long created, long increments, long[] netChange) {
    return new StressTally(1, Map.of(), created, increments,
        netChange == null ? noNetChange() : netChange, null);
  }

  /** One completed call that also saw {@code observation} (a lock held twice). */
  static StressTally call(String observation) {
    return new StressTally(1, Map.of(observation, 1L), 0, 0, noNetChange(), null);
  }

  /** One call whose error reached the caller, with the error's words when no outcome expects it. */
  static StressTally failed(String observation, String unexpectedError) {
    return new StressTally(0, Map.of(observation, 1L), 0, 0, noNetChange(), unexpectedError);
  }

  private static long[] noNetChange() {
    return new long[TransferScenario.ACCOUNTS + 1];
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
