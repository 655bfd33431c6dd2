package io.racefree.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.scenario.Scenarios;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderTest {
  private final ScenarioSpec transfer = Scenarios.named("transfer").orElseThrow().spec();

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
  void everyScenarioDeclaresItsSourcesAndTheRacefreeStrategy() {
    assertThat(Scenarios.specs()).allSatisfy(scenario -> {
      assertThat(Catalog.SOURCES.keySet()).containsAll(scenario.sources()).isNotEmpty();
      assertThat(scenario.appliesTo(Strategy.RACEFREE)).isTrue();
      assertThat(scenario.outcomes()).extracting(Outcome::id).doesNotHaveDuplicates()
          .contains(Outcomes.OTHER_ERROR, Outcomes.SERIALIZED_BY_ENGINE);
    });
    assertThat(Scenarios.specs()).extracting(ScenarioSpec::name).containsExactly(
        "get-or-create-unique", "get-or-create-no-unique", "update-or-create", "transfer",
        "critical-section");
  }

  @Test
  void everyStrategyRunsInSomeScenario() {
    EnumSet<Strategy> used = EnumSet.noneOf(Strategy.class);
    Scenarios.specs().forEach(scenario -> used.addAll(scenario.strategies()));
    assertThat(used).containsExactlyInAnyOrder(Strategy.values());
  }

  @Test
  void namesStayAsReportsAndScriptsKnowThem() {
    assertThat(Strategy.values()).extracting(Strategy::label).containsExactly("naive", "django",
        "commit-then-get", "savepoint-before-read", "read-committed", "table-lock",
        "select-for-update", "select-for-update-ordered", "atomic-update", "optimistic-version",
        "named-lock", "serializable-retry", "racefree", "racefree-hard-case", "floor");
    assertThat(Strategy.byLabel("serializable-retry")).contains(Strategy.SERIALIZABLE_RETRY);
  }

  @Test
  void outcomeListsKeepTheirOrderAndTheNoUniqueKeyScenarioHasNoDuplicateKey() {
    assertThat(Scenarios.named("get-or-create-unique").orElseThrow().spec().outcomes())
        .extracting(Outcome::id).startsWith(Outcomes.ONE_ROW, Outcomes.DUPLICATE_ROWS,
            Outcomes.CREATED_FLAG_WRONG, Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY,
            Outcomes.DUPLICATE_KEY_ERROR, Outcomes.SERIALIZED_BY_ENGINE);
    assertThat(Scenarios.named("get-or-create-no-unique").orElseThrow().spec().outcomes())
        .extracting(Outcome::id).startsWith(Outcomes.ONE_ROW, Outcomes.DUPLICATE_ROWS,
            Outcomes.CREATED_FLAG_WRONG, Outcomes.SERIALIZED_BY_ENGINE)
        .doesNotContain(Outcomes.DUPLICATE_KEY_ERROR, Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY);
  }

  @Test
  void strategiesThatAreALevelRunOnlyAtIt() {
    var all = java.util.List.of(Isolation.values());
    assertThat(Strategy.READ_COMMITTED.levels(all)).containsExactly(Isolation.READ_COMMITTED);
    assertThat(Strategy.SERIALIZABLE_RETRY.levels(all)).containsExactly(Isolation.SERIALIZABLE);
    assertThat(Strategy.NAIVE.levels(all)).isEqualTo(all);
  }

  @Test
  void theLabsLevelsAreRacefreesLevels() {
    for (Isolation level : Isolation.values()) {
      assertThat(level.toCore().name()).isEqualTo(level.name());
      assertThat(level.toCore().jdbcLevel()).isEqualTo(level.jdbcLevel());
      assertThat(Isolation.of(level.toCore())).isEqualTo(level);
    }
  }

  @Test
  void noDescriptionSaysSeed() {
    java.util.List<String> texts = new java.util.ArrayList<>();
    Scenarios.specs().forEach(scenario -> {
      texts.add(scenario.description());
      scenario.outcomes().forEach(outcome -> texts.add(outcome.description()));
    });
    for (Strategy strategy : Strategy.values()) {
      texts.add(strategy.description());
      texts.add(strategy.sources());
    }
    assertThat(texts).noneMatch(text -> text.toLowerCase(java.util.Locale.ROOT).contains("seed"));
  }

  @Test
  void theHardCaseFailsTheRunAndTheFloorNeverDoes() {
    Results results = new Results(null, java.util.List.of(failedStress("floor"),
        failedStress("racefree-hard-case"), failedStress("django")));
    assertThat(results.racefreeFailures()).extracting(RunResult::strategy)
        .containsExactly("racefree-hard-case");
    assertThat(Strategy.FLOOR.stressOnly()).isTrue();
    assertThat(Strategy.RACEFREE_HARD_CASE.stressOnly()).isTrue();
    assertThat(Strategy.RACEFREE.stressOnly()).isFalse();
  }

  @Test
  void theFloorRatioNeedsRacefreeAndTheFloor() {
    var runs = java.util.List.of(stress("racefree", 930), stress("floor", 1000),
        stress("racefree-hard-case", 400), stress("django", 2000));
    assertThat(FloorRatio.of(runs)).singleElement().satisfies(ratio -> {
      assertThat(ratio.text()).isEqualTo("racefree 0.93× the floor (the hard case 0.40×)");
      assertThat(ratio.scenario()).isEqualTo("get-or-create-unique");
    });
    assertThat(FloorRatio.of(runs.subList(0, 1))).isEmpty();
    assertThat(FloorRatio.of(runs.subList(0, 2))).singleElement()
        .extracting(FloorRatio::text).isEqualTo("racefree 0.93× the floor");
  }

  private static RunResult failedStress(String strategy) {
    return new RunResult(RunResult.SCENARIO, "h2", "get-or-create-unique", strategy, null,
        Isolation.READ_COMMITTED, RunResult.STRESS, RunStatus.OK, Grade.FAILED, null,
        java.util.List.of(), 100.0, java.util.List.of(), null, 1);
  }

  private static RunResult stress(String strategy, double opsPerSecond) {
    return new RunResult(RunResult.SCENARIO, "h2", "get-or-create-unique", strategy, null,
        Isolation.READ_COMMITTED, RunResult.STRESS, RunStatus.OK, Grade.PASSED, null,
        java.util.List.of(), opsPerSecond, java.util.List.of(), null, 1);
  }
}
