package io.racefree.internal;

import io.racefree.Database;
import io.racefree.dialect.Dialect;

/**
 * What every handle of one {@link Database} shares: the database, its dialect, its catalog and
 * where contention is reported. Immutable and thread-safe (the catalog is a concurrent cache). Not
 * API.
 */
public record DatabaseContext(Database database, Dialect dialect, Catalog catalog, Events events) {}
