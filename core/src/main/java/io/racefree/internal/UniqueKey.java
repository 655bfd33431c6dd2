package io.racefree.internal;

import java.util.List;

/**
 * A unique constraint or unique index, primary key included.
 *
 * @param name the constraint or index name as stored
 * @param columns its columns in index order (as stored); empty when it indexes an expression
 * @param primaryKey whether this is the primary key
 * @param nullsNotDistinct whether NULLs compare equal in it (PostgreSQL 15+ / H2 NULLS NOT
 *     DISTINCT); a key whose columns may hold NULL protects nothing otherwise
 * @param partial whether it has a WHERE clause or expressions, so it cannot be relied on to cover a
 *     lookup
 * @param deferrable whether it may be checked after the statement (PostgreSQL DEFERRABLE): it still
 *     keeps duplicates out, but ON CONFLICT cannot use it
 */
public record UniqueKey(
    String name, List<String> columns, boolean primaryKey, boolean nullsNotDistinct, boolean partial,
    boolean deferrable) {}
