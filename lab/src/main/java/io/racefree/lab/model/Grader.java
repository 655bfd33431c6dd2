package io.racefree.lab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw counts of named observations into graded {@link Observation}s and a {@link Grade},
 * using the outcomes a scenario declares. An observation no outcome covers fails the run.
 *
 * <p>Stateless and thread-safe.
 */
public final class Grader {
  private Grader() {}

  /** Grades counts keyed by observation name, in the map's iteration order. */
  public static List<Observation> observe(ScenarioSpec scenario, Map<String, Long> counts) {
    List<Observation> observations = new ArrayList<>();
    counts.forEach(
        (name, count) -> {
          Optional<Outcome> outcome = scenario.outcome(name);
          observations.add(
              new Observation(
                  name,
                  count,
                  outcome.map(Outcome::expect).orElse(null),
                  outcome.map(Outcome::description).orElse("not declared by the scenario")));
        });
    return observations;
  }

  /** The grade of a set of graded observations. */
  public static Grade grade(List<Observation> observations) {
    boolean interesting = false;
    for (Observation observation : observations) {
      if (observation.count() == 0) {
        continue;
      }
      if (observation.expectation() == null || observation.expectation() == Expect.FORBIDDEN) {
        return Grade.FAILED;
      }
      interesting |= observation.expectation() == Expect.INTERESTING;
    }
    return interesting ? Grade.INTERESTING : Grade.PASSED;
  }
}
