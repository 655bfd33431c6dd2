package io.racefree.lab.soak;

import java.util.List;
import java.util.Map;

/**
 * What one soak on one database did and found. Immutable; serialised as JSON.
 *
 * @param database the database's label and version
 * @param settings how the soak ran
 * @param processes processes that ran callers (an in-memory H2 database allows one)
 * @param seconds how long the callers ran
 * @param completed calls that returned normally
 * @param errors typed errors that reached callers, by category
 * @param errorExamples the first error of each category, in words
 * @param untypedErrors errors that were not racefree's typed exceptions
 * @param firstUntypedError the first of those, in one line (null if none)
 * @param faults every fault injected, in order
 * @param faultsNotInjected the fault kinds asked for that this database cannot take, with why
 * @param callsPerSecond completed calls in each second of the run
 * @param checks the invariants, each passed or not
 * @param naiveCalls plain-JDBC contrast calls that returned normally
 * @param naiveErrors their SQLExceptions, by SQLState
 * @param contrast what the plain-JDBC calls did to their tables (empty without the contrast); a
 *     finding that did not "pass" is the anomaly racefree's calls avoid, not a failure of the soak
 */
public record SoakResult(String database, SoakSettings settings, int processes, double seconds, long completed,
    Map<String, Long> errors, Map<String, String> errorExamples, long untypedErrors, String firstUntypedError, List<FaultEvent> faults,
    Map<String, String> faultsNotInjected, List<Long> callsPerSecond, List<SoakCheck> checks,
    long naiveCalls, Map<String, Long> naiveErrors, List<SoakCheck> contrast) {

  public SoakResult {
    errors = Map.copyOf(errors);
    errorExamples = Map.copyOf(errorExamples);
    faults = List.copyOf(faults);
    faultsNotInjected = Map.copyOf(faultsNotInjected);
    callsPerSecond = List.copyOf(callsPerSecond);
    checks = List.copyOf(checks);
    naiveErrors = Map.copyOf(naiveErrors);
    contrast = List.copyOf(contrast);
  }

  /** True when every invariant held. */
  public boolean passed() {
    return checks.stream().allMatch(SoakCheck::passed);
  }
}
