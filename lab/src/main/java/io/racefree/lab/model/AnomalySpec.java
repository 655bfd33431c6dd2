package io.racefree.lab.model;

/**
 * An isolation anomaly the probe looks for, named as in Hermitage (Adya's phenomena).
 *
 * <p>Immutable and thread-safe.
 */
public record AnomalySpec(String name, String title, String description, String source) {}
