package io.racefree.lab.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A race scenario declared as data: its fixed name, the public threads it comes from (numbers of
 * {@link Catalog#SOURCES}), what it does, every outcome it can produce and the strategies that
 * apply to it.
 *
 * <p>Immutable and thread-safe.
 */
public record ScenarioSpec(
    String name,
    List<String> sources,
    String description,
    List<Outcome> outcomes,
    Set<Strategy> strategies) {

  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    outcomes = List.copyOf(outcomes);
    strategies = strategies.isEmpty() ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(strategies));
  }

  public Optional<Outcome> outcome(String id) {
    return outcomes.stream().filter(outcome -> outcome.id().equals(id)).findFirst();
  }

  public boolean appliesTo(Strategy strategy) {
    return strategies.contains(strategy);
  }
}
