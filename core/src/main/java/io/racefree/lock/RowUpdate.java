package io.racefree.lock;

import java.util.Objects;

/**
 * What {@link io.racefree.Transaction#updateAll} does to one row: the {@link Assignments} to apply,
 * and a {@link Guard} the row must pass first (for a debit, {@code balance >= amount}).
 *
 * <pre>{@code
 * tx.updateAll("account", "id", Map.of(
 *     from, RowUpdate.of(Assignments.subtract("balance", amount), Guard.atLeast("balance", amount)),
 *     to, RowUpdate.of(Assignments.add("balance", amount))));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param assignments the SET part, not empty
 * @param guard the condition the row must meet; {@link Guard#none()} for none
 */
public record RowUpdate(Assignments assignments, Guard guard) {
  /**
   * An update of one row.
   *
   * @param assignments what to write, not null
   * @param guard the condition the row must meet ({@link Guard#none()}: always), not null
   */
  public RowUpdate {
    Objects.requireNonNull(assignments, "assignments");
    if (assignments.assignments().isEmpty()) {
      throw new IllegalArgumentException("a row update needs at least one assignment");
    }
    guard = guard == null ? Guard.none() : guard;
  }

  /**
   * An unconditional update.
   *
   * @param assignments what to write
   * @return an unconditional update
   */
  public static RowUpdate of(Assignments assignments) {
    return new RowUpdate(assignments, Guard.none());
  }

  /**
   * An update that applies only if the row passes {@code guard}.
   *
   * @param assignments what to write
   * @param guard the condition the row must meet to be written
   * @return an update that applies only if the row passes {@code guard}
   */
  public static RowUpdate of(Assignments assignments, Guard guard) {
    return new RowUpdate(assignments, guard);
  }
}
