package io.racefree.bench.harness;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a contender's calls count while they run, besides time: retries, anomalies seen in flight,
 * rows created, round trips. Thread-safe.
 */
public final class Tally {
  private final LongAdder retries = new LongAdder();
  private final LongAdder anomalies = new LongAdder();
  private final LongAdder created = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAccumulator maxRoundTrips = new LongAccumulator(Math::max, 0);
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile boolean measuring;

  public void retried() {
    retries.increment();
  }

  public void anomaly() {
    anomalies.increment();
  }

  public void created(boolean value) {
    if (value) {
      created.increment();
    }
  }

  public void roundTrips(long count) {
    if (measuring) {
      maxRoundTrips.accumulate(count);
    }
  }

  void error(Throwable failure) {
    errors.increment();
    firstError.compareAndSet(null, failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage()));
  }

  void measuring(boolean value) {
    measuring = value;
  }

  public long retries() {
    return retries.sum();
  }

  public long anomalies() {
    return anomalies.sum();
  }

  public long created() {
    return created.sum();
  }

  public long errors() {
    return errors.sum();
  }

  public long maxRoundTrips() {
    return maxRoundTrips.get();
  }

  public String firstError() {
    return firstError.get();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
