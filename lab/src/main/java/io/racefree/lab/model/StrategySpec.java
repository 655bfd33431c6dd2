package io.racefree.lab.model;

/**
 * A strategy as the lab lists it: its fixed name, one line saying what it does and the seed (or
 * source) its advice comes from.
 *
 * <p>Immutable and thread-safe.
 */
public record StrategySpec(String name, String description, String seed) {}
