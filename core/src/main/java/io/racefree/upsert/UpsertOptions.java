package io.racefree.upsert;

/**
 * Options of {@code getOrCreate} and {@code updateOrCreate}. Immutable and thread-safe.
 *
 * @param requireUniqueKey fail with {@link io.racefree.error.InvalidRequestException} when no
 *     unique key covers the lookup, instead of serializing creators with a lock
 * @param insertFirst for getOrCreate with a covering key: skip the initial read and go straight to
 *     the conflict-safe insert, which saves a round trip when most keys are new and costs one when
 *     they exist (an existing key still comes back, with {@code created() == false}). On
 *     PostgreSQL and MariaDB an insert that meets an existing key consumes a sequence value.
 */
public record UpsertOptions(boolean requireUniqueKey, boolean insertFirst) {
  /**
   * Reads first; falls back to a lock when no unique key covers the lookup.
   *
   * @return the default options
   */
  public static UpsertOptions defaults() {
    return new UpsertOptions(false, false);
  }

  /**
   * Demands a unique key (or primary key) covered by the lookup's columns.
   *
   * @return options that refuse a lookup no unique key covers
   */
  public static UpsertOptions requiringUniqueKey() {
    return new UpsertOptions(true, false);
  }

  /**
   * These options with the initial read skipped (see {@link #insertFirst()}).
   *
   * @return these options, inserting first
   */
  public UpsertOptions withInsertFirst() {
    return new UpsertOptions(requireUniqueKey, true);
  }
}
