package io.racefree.upsert.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One unique key of a table as get-or-create sees it.
 *
 * @param name the index or constraint name as the catalog reports it
 * @param columns its columns as stored
 * @param primaryKey whether it is the primary key
 * @param nullsNotDistinct whether two NULLs collide in it
 * @param usable false for partial and expression keys, which cannot be relied on
 * @param aliases every name the database may use for it in a duplicate-key error, upper case
 */
public record KeyInfo(
    String name,
    List<String> columns,
    boolean primaryKey,
    boolean nullsNotDistinct,
    boolean usable,
    Set<String> aliases) {

  /** Whether a duplicate-key error naming {@code constraint} is about this key. */
  public boolean isNamed(String constraint) {
    if (constraint == null) {
      return false;
    }
    String bare = constraint.substring(constraint.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    return aliases.contains(bare) || bare.equals(name.toUpperCase(Locale.ROOT));
  }

  /** True when every column of this key is one of {@code lookupColumns}. */
  public boolean coveredBy(Set<String> lookupColumns) {
    return !columns.isEmpty() && lookupColumns.containsAll(columns);
  }
}
