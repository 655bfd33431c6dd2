package io.racefree.lab.scenario;

import io.racefree.lab.model.ScenarioSpec;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every scenario the lab runs, in the order reports list them. Adding a scenario is writing its
 * {@link Scenario} class and one line here.
 *
 * <p>Constants only; thread-safe.
 */
public final class Scenarios {
  public static final List<Scenario> ALL = List.of(
      new GetOrCreateScenario(true),
      new GetOrCreateScenario(false),
      new UpdateOrCreateScenario(),
      new TransferScenario(),
      new CriticalSectionScenario());

  private Scenarios() {}

  public static Optional<Scenario> named(String name) {
    return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
  }

  public static List<Scenario> matching(Pattern pattern) {
    return ALL.stream().filter(scenario -> pattern.matcher(scenario.name()).matches()).toList();
  }

  /** The declared specs, for listings and reports. */
  public static List<ScenarioSpec> specs() {
    return ALL.stream().map(Scenario::spec).toList();
  }
}
