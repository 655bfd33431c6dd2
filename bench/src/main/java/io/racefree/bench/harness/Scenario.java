package io.racefree.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Measures several contenders side by side: warm-up rounds, then measured rounds, each round
 * running every contender once for the same time, in an order that rotates from round to round
 * (A B C, B C A, C A B) so that they all see the same machine state. Not thread-safe.
 *
 * @param warmupRounds rounds run but not measured
 * @param measuredRounds rounds whose calls and latencies are reported
 * @param roundLength how long each contender runs in a round
 */
public record Scenario(int warmupRounds, int measuredRounds, Duration roundLength) {

  /** Runs the contenders at {@code threads} threads and gathers their results. */
  public ScenarioResult run(String workload, String engine, int threads, List<Contender> contenders) {
    Map<Contender, Progress> progress = new LinkedHashMap<>();
    contenders.forEach(contender -> progress.put(contender, new Progress(contender.tally())));
    try (RoundRunner runner = new RoundRunner(threads)) {
      int total = warmupRounds + measuredRounds;
      for (int round = 0; round < total; round++) {
        boolean measured = round >= warmupRounds;
        for (int i = 0; i < contenders.size(); i++) {
          Contender contender = contenders.get((i + round) % contenders.size());
          progress.get(contender).add(runner, contender, roundLength, measured);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + workload, e);
    }
    List<ContenderResult> results = new ArrayList<>();
    progress.forEach((contender, state) -> results.add(state.result(contender)));
    return new ScenarioResult(workload, engine, threads, results);
  }

  private static final class Progress {
    private final Tally tally;
    private final Histogram latencies = new Histogram(3);
    private long measuredCalls;
    private long measuredNanos;
    private long calls;

    Progress(Tally tally) {
      this.tally = tally;
    }

    void add(RoundRunner runner, Contender contender, Duration length, boolean measured)
        throws InterruptedException {
      tally.measuring(measured);
      RoundRunner.Round round = runner.run(contender, tally, length);
      calls += round.calls();
      if (measured) {
        measuredCalls += round.calls();
        measuredNanos += round.nanos();
        latencies.add(round.latencies());
      }
    }

    ContenderResult result(Contender contender) {
      Check.Anomalies found = contender.check() == null ? Check.Anomalies.none() : contender.check().inspect(tally);
      long anomalies = tally.anomalies() + found.count();
      Map<String, Object> extras = new LinkedHashMap<>();
      if (tally.maxRoundTrips() > 0) {
        extras.put("maxRoundTripsPerCall", tally.maxRoundTrips());
      }
      double seconds = measuredNanos / 1e9;
      return new ContenderResult(contender.name(), contender.role(), contender.description(), measuredCalls,
          seconds > 0 ? measuredCalls / seconds : 0, micros(latencies.getValueAtPercentile(50)),
          micros(latencies.getValueAtPercentile(99)), calls, tally.errors(), tally.firstError(),
          tally.retries(), anomalies, found.description(), extras);
    }

    private static double micros(long nanos) {
      return nanos / 1000.0;
    }
  }
}
