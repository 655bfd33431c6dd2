package io.racefree.lab.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One Hermitage interleaving of an anomaly: the sessions' statements in their global order and
 * the check that says whether what the sessions saw is the anomaly.
 *
 * <p>Immutable once built; thread-safe.
 */
final class ProbeVariant {
  private final String name;
  private final List<ProbeStep> steps;
  private final Predicate<Seen> anomaly;

  private ProbeVariant(String name, List<ProbeStep> steps, Predicate<Seen> anomaly) {
    this.name = name;
    this.steps = List.copyOf(steps);
    this.anomaly = anomaly;
  }

  static Builder named(String name) {
    return new Builder(name);
  }

  String name() {
    return name;
  }

  List<ProbeStep> steps() {
    return steps;
  }

  int sessions() {
    return steps.stream().mapToInt(ProbeStep::session).max().orElse(0) + 1;
  }

  boolean isAnomaly(Seen seen) {
    return anomaly.test(seen);
  }

  /** Collects steps in script order. Not thread-safe. */
  static final class Builder {
    private final String name;
    private final List<ProbeStep> steps = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    Builder t1(String sql) {
      return step(0, sql, null);
    }

    Builder t2(String sql) {
      return step(1, sql, null);
    }

    Builder t3(String sql) {
      return step(2, sql, null);
    }

    Builder t1(String sql, String label) {
      return step(0, sql, label);
    }

    Builder t2(String sql, String label) {
      return step(1, sql, label);
    }

    Builder t3(String sql, String label) {
      return step(2, sql, label);
    }

    private Builder step(int session, String sql, String label) {
      steps.add(new ProbeStep(session, sql, label));
      return this;
    }

    ProbeVariant anomalyWhen(Predicate<Seen> check) {
      return new ProbeVariant(name, steps, check);
    }
  }
}
