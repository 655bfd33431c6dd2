package io.racefree.lab.probe;

import java.util.List;
import java.util.Map;

/**
 * Everything a probe check may look at after an interleaving ran: each labelled step's result,
 * whether a session met an error, and the table's final state read by a fresh connection.
 *
 * <p>Immutable and thread-safe.
 */
record Seen(Map<String, StepResult> byLabel, Map<Integer, Boolean> sessionFailed,
    List<long[]> finalRows) {

  StepResult step(String label) {
    StepResult result = byLabel.get(label);
    if (result == null) {
      throw new IllegalStateException("no step labelled " + label);
    }
    return result;
  }

  /** True when any statement of the session (0-based) failed. */
  boolean failed(int session) {
    return sessionFailed.getOrDefault(session, false);
  }

  boolean anyFailed() {
    return sessionFailed.containsValue(true);
  }

  /** The committed value of a row, or null when it does not exist. */
  Long finalValue(long id) {
    return finalRows.stream().filter(row -> row[0] == id).map(row -> row[1]).findFirst()
        .orElse(null);
  }

  boolean value(String label, long id, long expected) {
    Long value = step(label).value(id);
    return value != null && value == expected;
  }
}
