package io.racefree.bench.harness;

/** Inspects the database after a contender's rounds and counts the anomalies left behind. */
@FunctionalInterface
public interface Check {
  /** The anomalies found; {@code tally} holds what the calls counted (for example rows created). */
  Anomalies inspect(Tally tally);

  /** A count and what it means, e.g. "3 units of money created". */
  record Anomalies(long count, String description) {
    public static Anomalies none() {
      return new Anomalies(0, "");
    }
  }
}
