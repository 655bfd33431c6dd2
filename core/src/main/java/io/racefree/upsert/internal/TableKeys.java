package io.racefree.upsert.internal;

import io.racefree.internal.ColumnInfo;
import io.racefree.internal.TableInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unique keys of one table and the answer to "does a key protect this lookup?". Immutable
 * and thread-safe.
 */
public record TableKeys(TableInfo table, List<KeyInfo> keys) {

  /**
   * The key that guarantees at most one row per lookup: all its columns are in the lookup, it is
   * neither partial nor on expressions, and a column the lookup sets to NULL is nullable only if
   * the key treats NULLs as equal. The primary key first, then the key with the fewest columns.
   *
   * @param lookup column (as stored) to value
   */
  public Optional<KeyInfo> coveringKey(Map<String, Object> lookup) {
    return keys.stream()
        .filter(KeyInfo::usable)
        .filter(key -> key.coveredBy(lookup.keySet()))
        .filter(key -> nullsCollide(key, lookup))
        .min(Comparator.comparing((KeyInfo key) -> !key.primaryKey())
            .thenComparing(key -> key.columns().size()));
  }

  private boolean nullsCollide(KeyInfo key, Map<String, Object> lookup) {
    for (String column : key.columns()) {
      if (lookup.get(column) == null && !key.nullsNotDistinct() && isNullable(column)) {
        return false;
      }
    }
    return true;
  }

  private boolean isNullable(String column) {
    return table.columns().stream()
        .filter(info -> info.name().equals(column))
        .findFirst()
        .map(ColumnInfo::nullable)
        .orElse(true);
  }

  /** The keys for messages: {@code [PRIMARY KEY(id), uk_email(email)]}. */
  public String describe() {
    return keys.stream()
        .map(key -> key.name() + key.columns() + (key.usable() ? "" : " (partial or expression)"))
        .toList()
        .toString();
  }
}
