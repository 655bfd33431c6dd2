package io.racefree.lab.model;

/**
 * Whether a run could be carried out, kept apart from its {@link Grade}: an ERROR run says
 * nothing about the race, only that the lab could not observe it.
 *
 * <p>Immutable and thread-safe.
 */
public enum RunStatus {
  OK,
  ERROR,
  TIMEOUT,
  SKIPPED
}
