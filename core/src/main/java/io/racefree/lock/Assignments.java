package io.racefree.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SET part of an atomic update, built from column names (checked against the catalog when the
 * update runs) and bound values only: no SQL text from the caller reaches the statement.
 *
 * <pre>{@code
 * tx.update("account", Map.of("id", from),
 *     Assignments.subtract("balance", amount), Guard.atLeast("balance", amount));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each method returns a new instance.
 */
public final class Assignments {
  /** How a column gets its new value. */
  public enum Operation {
    /** {@code column = ?} */
    SET,
    /** {@code column = column + ?} */
    ADD,
    /** {@code column = column - ?} */
    SUBTRACT
  }

  /**
   * One assignment.
   *
   * @param column the column name as the caller wrote it
   * @param operation how the value is applied
   * @param value the bound value (may be null only for SET)
   */
  public record Assignment(String column, Operation operation, Object value) {}

  private final List<Assignment> assignments;

  private Assignments(List<Assignment> assignments) {
    this.assignments = List.copyOf(assignments);
  }

  /**
   * {@code column = value}.
   *
   * @param column a column of the table
   * @param value the bound value (null writes NULL)
   * @return the assignments
   */
  public static Assignments set(String column, Object value) {
    return new Assignments(List.of()).andSet(column, value);
  }

  /**
   * {@code column = column + amount}, atomic in the database.
   *
   * @param column a numeric column of the table
   * @param amount the bound amount, not null
   * @return the assignments
   */
  public static Assignments add(String column, Number amount) {
    return new Assignments(List.of()).andAdd(column, amount);
  }

  /**
   * {@code column = column - amount}, atomic in the database.
   *
   * @param column a numeric column of the table
   * @param amount the bound amount, not null
   * @return the assignments
   */
  public static Assignments subtract(String column, Number amount) {
    return new Assignments(List.of()).andSubtract(column, amount);
  }

  /**
   * These assignments and {@code column = value}.
   *
   * @param column a column of the table
   * @param value the bound value (null writes NULL)
   * @return new assignments with both
   */
  public Assignments andSet(String column, Object value) {
    return with(new Assignment(Objects.requireNonNull(column, "column"), Operation.SET, value));
  }

  /**
   * These assignments and {@code column = column + amount}.
   *
   * @param column a numeric column of the table
   * @param amount the bound amount, not null
   * @return new assignments with both
   */
  public Assignments andAdd(String column, Number amount) {
    return with(
        new Assignment(Objects.requireNonNull(column, "column"), Operation.ADD,
            Objects.requireNonNull(amount, "amount")));
  }

  /**
   * These assignments and {@code column = column - amount}.
   *
   * @param column a numeric column of the table
   * @param amount the bound amount, not null
   * @return new assignments with both
   */
  public Assignments andSubtract(String column, Number amount) {
    return with(
        new Assignment(Objects.requireNonNull(column, "column"), Operation.SUBTRACT,
            Objects.requireNonNull(amount, "amount")));
  }

  private Assignments with(Assignment next) {
    List<Assignment> all = new ArrayList<>(assignments);
    all.add(next);
    return new Assignments(all);
  }

  /**
   * The assignments, in the order given.
   *
   * @return the assignments (immutable)
   */
  public List<Assignment> assignments() {
    return assignments;
  }

  @Override
  public String toString() {
    return "Assignments" + assignments.stream().map(a -> a.column() + " " + a.operation()).toList();
  }
}
