package io.racefree.upsert;

/** A row of the test table {@code item}; public so racefree's record mapping can read it. */
public record Item(Long id, String k, Integer v, String note) {}
