package io.racefree.lab.model;

/**
 * An outcome seen during a run, how many times, and how the scenario grades it. An observation
 * that no declared outcome covers has expectation {@code null} and fails the run.
 *
 * <p>Immutable and thread-safe.
 */
public record Observation(String name, long count, Expect expectation, String description) {}
