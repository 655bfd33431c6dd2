package io.racefree.api;

/** A row as a record; public, since racefree reads its components reflectively. */
public record Item(String name, Integer qty) {}
