package io.racefree.lab.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A race scenario declared as data: its fixed name, the seeds it comes from, what it does, every
 * outcome it can produce and the strategies that apply to it.
 *
 * <p>Immutable and thread-safe.
 */
public record ScenarioSpec(
    String name,
    List<String> seeds,
    String description,
    List<Outcome> outcomes,
    Set<String> strategies) {

  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    seeds = List.copyOf(seeds);
    outcomes = List.copyOf(outcomes);
    strategies = Set.copyOf(strategies);
  }

  public Optional<Outcome> outcome(String id) {
    return outcomes.stream().filter(outcome -> outcome.id().equals(id)).findFirst();
  }

  public boolean appliesTo(String strategy) {
    return strategies.contains(strategy);
  }
}
