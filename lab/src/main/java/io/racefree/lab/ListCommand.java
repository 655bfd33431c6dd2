package io.racefree.lab;

import io.racefree.lab.model.AnomalySpec;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.ScenarioSpec;
import io.racefree.lab.model.Strategy;
import io.racefree.lab.scenario.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code racefree list}: scenarios, strategies and anomalies, one line each, with the public
 * threads they come from.
 *
 * <p>Not thread-safe: picocli fills in one instance per invocation.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List scenarios, strategies and anomalies with the thread each comes from.")
public final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Scenarios:");
    for (ScenarioSpec scenario : Scenarios.specs()) {
      out.printf("  %-26s from %-15s %s%n", scenario.name(),
          String.join(",", scenario.sources()), scenario.description());
    }
    out.println("Strategies:");
    for (Strategy strategy : Strategy.values()) {
      out.printf("  %-26s from %-15s %s%n", strategy.label(), strategy.sources(),
          strategy.description());
    }
    out.println("Anomalies (isolation probe):");
    for (AnomalySpec anomaly : Catalog.ANOMALIES) {
      out.printf("  %-26s %-29s %s%n", anomaly.name(), anomaly.title(), anomaly.description());
    }
    out.println("Where they come from (the public threads this lab replays):");
    Catalog.SOURCES.forEach((id, title) -> out.printf("  %-5s %s%n", id, title));
    out.flush();
    return ExitCodes.OK;
  }
}
