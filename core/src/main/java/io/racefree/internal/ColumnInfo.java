package io.racefree.internal;

/**
 * A column as the catalog reports it.
 *
 * @param name the name exactly as stored
 * @param sqlType the {@link java.sql.Types} code
 * @param nullable whether the column accepts NULL
 * @param generated whether the database fills it (auto-increment, identity, generated column)
 * @param computed whether it is a generated column, computed from others: nobody may write it
 */
public record ColumnInfo(String name, int sqlType, boolean nullable, boolean generated, boolean computed) {
  public ColumnInfo(String name, int sqlType, boolean nullable, boolean generated) {
    this(name, sqlType, nullable, generated, false);
  }
}
