package io.racefree.upsert;

/**
 * Options of {@code getOrCreate} and {@code updateOrCreate}. Immutable and thread-safe.
 *
 * @param requireUniqueKey fail with {@link io.racefree.error.InvalidRequestException} when no
 *     unique key covers the lookup, instead of serializing creators with a lock
 */
public record UpsertOptions(boolean requireUniqueKey) {
  /** Falls back to a lock when no unique key covers the lookup. */
  public static UpsertOptions defaults() {
    return new UpsertOptions(false);
  }

  /** Demands a unique key (or primary key) covered by the lookup's columns. */
  public static UpsertOptions requiringUniqueKey() {
    return new UpsertOptions(true);
  }
}
