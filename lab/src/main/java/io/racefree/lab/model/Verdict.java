package io.racefree.lab.model;

/**
 * The isolation probe's answer for one (anomaly, isolation level) pair.
 *
 * <p>Immutable and thread-safe.
 */
public enum Verdict {
  /** The anomaly did not show: the database blocked, aborted a transaction or hid the change. */
  PREVENTED,
  /** The anomaly showed in at least one of the anomaly's interleavings. */
  ANOMALY
}
