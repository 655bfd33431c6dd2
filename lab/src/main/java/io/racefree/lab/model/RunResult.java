package io.racefree.lab.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The raw record of one run, as written to {@code results.json}: a scenario run (one scenario,
 * strategy, isolation level and mode on one database) or a probe run (one anomaly at one level).
 *
 * @param kind "scenario" or "probe"
 * @param database the label of the database it ran on (see {@link DatabaseInfo#label()})
 * @param mode "deterministic" or "stress"
 * @param opsPerSecond completed operations per second (stress runs), else null
 * @param message why a run is ERROR, TIMEOUT or SKIPPED, else null
 *     <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(
    String kind,
    String database,
    String scenario,
    String strategy,
    String anomaly,
    Isolation isolation,
    String mode,
    RunStatus status,
    Grade grade,
    Verdict verdict,
    List<Observation> observations,
    Double opsPerSecond,
    List<TranscriptLine> transcript,
    String message,
    long elapsedMillis) {

  public static final String SCENARIO = "scenario";
  public static final String PROBE = "probe";
  public static final String DETERMINISTIC = "deterministic";
  public static final String STRESS = "stress";

  public RunResult {
    observations = observations == null ? List.of() : List.copyOf(observations);
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
  }

  @JsonIgnore
  public boolean isProbe() {
    return PROBE.equals(kind);
  }

  /** The observation graded most severely, the one a report cell shows. */
  public Observation keyObservation() {
    Observation key = null;
    for (Observation observation : observations) {
      if (key == null || severity(observation) > severity(key)) {
        key = observation;
      }
    }
    return key;
  }

  private static int severity(Observation observation) {
    if (observation.expectation() == null) {
      return 4;
    }
    return observation.expectation().ordinal() + 1;
  }
}
