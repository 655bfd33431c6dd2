package io.racefree.lab.model;

/**
 * The judgement of what a run observed against the scenario's declared outcomes.
 *
 * <p>Immutable and thread-safe.
 */
public enum Grade {
  /** Only ACCEPTABLE outcomes were observed. */
  PASSED,
  /** Nothing FORBIDDEN, but at least one INTERESTING outcome. */
  INTERESTING,
  /** A FORBIDDEN outcome, or an observation no declared outcome covers. */
  FAILED
}
