package io.racefree.lab.report;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.Strategy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the advice-verdict table: the advice in the words its users give it, and the lab runs
 * that say whether it holds.
 *
 * <p>Immutable and thread-safe.
 */
record Advice(String words, List<Aspect> aspects) {
  Advice(String words, Aspect... aspects) {
    this(words, List.of(aspects));
  }

  /**
   * The runs of one strategy that speak for the advice: of one scenario (or, with a null
   * scenario, of every scenario the results hold), at one level or all, in one mode.
   */
  record Aspect(String words, String scenario, String strategy, Isolation level, String mode) {
    private static final Map<String, String> SCENARIO_WORDS = Map.of(
        "get-or-create-unique", "get-or-create",
        "get-or-create-no-unique", "get-or-create without a unique key",
        "update-or-create", "update-or-create",
        "transfer", "transfers",
        "critical-section", "a job one caller at a time");

    /** The deterministic runs of a strategy in one scenario. */
    static Aspect of(String scenario, Strategy strategy) {
      return new Aspect(scenarioWords(scenario), scenario, strategy.label(), null,
          RunResult.DETERMINISTIC);
    }

    /** The deterministic runs of a strategy in every scenario of the results. */
    static Aspect everyScenario(Strategy strategy) {
      return new Aspect(null, null, strategy.label(), null, RunResult.DETERMINISTIC);
    }

    Aspect called(String newWords) {
      return new Aspect(newWords, scenario, strategy, level, mode);
    }

    Aspect at(Isolation onlyLevel) {
      return new Aspect(words + " at " + onlyLevel.name().replace('_', ' '), scenario, strategy,
          onlyLevel, mode);
    }

    Aspect underStress() {
      return new Aspect(words, scenario, strategy, level, RunResult.STRESS);
    }

    Aspect forScenario(String name) {
      return new Aspect(scenarioWords(name), name, strategy, level, mode);
    }

    boolean covers(RunResult run) {
      return RunResult.SCENARIO.equals(run.kind()) && mode.equals(run.mode())
          && strategy.equals(run.strategy())
          && (scenario == null || scenario.equals(run.scenario()))
          && (level == null || level == run.isolation());
    }

    static String scenarioWords(String scenario) {
      return SCENARIO_WORDS.getOrDefault(scenario, scenario.replace('-', ' ')
          .toLowerCase(Locale.ROOT));
    }
  }
}
