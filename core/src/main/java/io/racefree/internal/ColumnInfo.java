package io.racefree.internal;

/**
 * A column as the catalog reports it.
 *
 * @param name the name exactly as stored
 * @param sqlType the {@link java.sql.Types} code
 * @param nullable whether the column accepts NULL
 * @param generated whether the database fills it (auto-increment, identity, generated column)
 */
public record ColumnInfo(String name, int sqlType, boolean nullable, boolean generated) {}
