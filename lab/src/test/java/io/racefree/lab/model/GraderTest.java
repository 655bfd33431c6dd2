package io.racefree.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderTest {
  private final ScenarioSpec transfer = Catalog.scenario("transfer").orElseThrow();

  private Grade grade(Map<String, Long> counts) {
    return Grader.grade(Grader.observe(transfer, counts));
  }

  @Test
  void onlyAcceptableOutcomesPass() {
    assertThat(grade(Map.of(Outcomes.BALANCED, 3L))).isEqualTo(Grade.PASSED);
  }

  @Test
  void aDeadlockReachingTheCallerIsInteresting() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(Outcomes.DEADLOCK, 1L);
    counts.put(Outcomes.BALANCED, 1L);
    assertThat(grade(counts)).isEqualTo(Grade.INTERESTING);
  }

  @Test
  void aForbiddenOutcomeFails() {
    assertThat(grade(Map.of(Outcomes.LOST_UPDATE, 1L))).isEqualTo(Grade.FAILED);
  }

  @Test
  void anObservationNoOutcomeCoversFailsTheRun() {
    var observations = Grader.observe(transfer, Map.of("cosmic-ray", 1L));
    assertThat(observations.get(0).expectation()).isNull();
    assertThat(Grader.grade(observations)).isEqualTo(Grade.FAILED);
  }

  @Test
  void everyScenarioDeclaresItsSeedsAndStrategiesFromTheCatalog() {
    var names = Catalog.STRATEGIES.stream().map(StrategySpec::name).toList();
    assertThat(Catalog.SCENARIOS).allSatisfy(scenario -> {
      assertThat(scenario.seeds()).isNotEmpty();
      assertThat(names).containsAll(scenario.strategies());
      assertThat(scenario.appliesTo(Catalog.RACEFREE)).isTrue();
    });
    assertThat(Catalog.SCENARIOS).extracting(ScenarioSpec::name).containsExactly(
        "get-or-create-unique", "get-or-create-no-unique", "update-or-create", "transfer",
        "critical-section");
  }
}
