package io.racefree.lab.probe;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.model.AnomalySpec;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Observation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.TranscriptLine;
import io.racefree.lab.model.Verdict;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The isolation probe: for each requested level, runs every anomaly's Hermitage interleavings on a
 * fresh two-row table and records a verdict with the transcript of what each session saw. It
 * tests the database through raw JDBC, not the racefree library.
 *
 * <p>Not thread-safe: use one instance from one thread.
 */
public final class IsolationProbe {
  private final Map<String, List<ProbeVariant>> scripts = HermitageScripts.all();

  /** Probes one anomaly at one level. Never throws for database errors: they become ERROR. */
  public RunResult probe(LabDatabase database, AnomalySpec anomaly, Isolation isolation) {
    long started = System.nanoTime();
    List<ScriptRunner.VariantResult> results = new ArrayList<>();
    try {
      for (ProbeVariant variant : scripts.get(anomaly.name())) {
        results.add(new ScriptRunner(database, isolation).run(variant));
      }
    } catch (SQLException e) {
      return result(database, anomaly, isolation, RunStatus.ERROR, null, results,
          "setup failed: " + e.getMessage(), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(database, anomaly, isolation, RunStatus.ERROR, null, results,
          "interrupted", started);
    }
    boolean anomalous = results.stream().anyMatch(ScriptRunner.VariantResult::anomaly);
    boolean settled = results.stream().allMatch(ScriptRunner.VariantResult::settled);
    RunStatus status = settled ? RunStatus.OK : RunStatus.TIMEOUT;
    Verdict verdict = anomalous ? Verdict.ANOMALY : settled ? Verdict.PREVENTED : null;
    String message = settled ? null : "a session was still waiting after 30 s";
    return result(database, anomaly, isolation, status, verdict, results, message, started);
  }

  /** Probes every anomaly at every level given, reporting each run as it completes. */
  public List<RunResult> probeAll(
      LabDatabase database, List<Isolation> isolations, Consumer<RunResult> progress) {
    List<RunResult> runs = new ArrayList<>();
    for (Isolation isolation : isolations) {
      for (AnomalySpec anomaly : Catalog.ANOMALIES) {
        RunResult run = probe(database, anomaly, isolation);
        progress.accept(run);
        runs.add(run);
      }
    }
    return runs;
  }

  private static RunResult result(LabDatabase database, AnomalySpec anomaly, Isolation isolation,
      RunStatus status, Verdict verdict, List<ScriptRunner.VariantResult> variants,
      String message, long started) {
    List<Observation> observations = variants.stream().map(IsolationProbe::observation).toList();
    List<TranscriptLine> transcript = variants.stream()
        .flatMap(variant -> variant.transcript().stream()).toList();
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    return new RunResult(RunResult.PROBE, database.label(), null, null, anomaly.name(),
        isolation, RunResult.DETERMINISTIC, status, null, verdict, observations, null,
        transcript, message, elapsed);
  }

  private static Observation observation(ScriptRunner.VariantResult variant) {
    String how;
    if (!variant.settled()) {
      how = "did not settle";
    } else if (variant.anomaly()) {
      how = "anomaly";
    } else if (variant.aborted()) {
      how = "prevented: a transaction was aborted";
    } else if (variant.blocked()) {
      how = "prevented: blocked until the other committed";
    } else {
      how = "prevented: the change stayed invisible";
    }
    return new Observation(variant.variant(), 1, null, how);
  }
}
