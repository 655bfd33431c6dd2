package io.racefree.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extra conditions an atomic update adds to its WHERE clause, such as {@code balance >= ?}, so the
 * check and the write happen in one statement with no read before it. Built from column names
 * (checked against the catalog) and bound values only. Conditions are joined with AND.
 *
 * <p>Immutable and thread-safe; each method returns a new instance.
 */
public final class Guard {
  /** A comparison between a column and a bound value. */
  public enum Comparison {
    /** column = value */
    EQUAL("="),
    /** column &lt;&gt; value */
    NOT_EQUAL("<>"),
    /** column &gt;= value */
    AT_LEAST(">="),
    /** column &gt; value */
    GREATER_THAN(">"),
    /** column &lt;= value */
    AT_MOST("<="),
    /** column &lt; value */
    LESS_THAN("<");

    private final String sql;

    Comparison(String sql) {
      this.sql = sql;
    }

    /**
     * The SQL operator.
     *
     * @return the SQL operator
     */
    public String sql() {
      return sql;
    }
  }

  /**
   * One condition.
   *
   * @param column the column name as the caller wrote it
   * @param comparison the operator
   * @param value the bound value, never null (SQL comparisons with NULL are never true)
   */
  public record Condition(String column, Comparison comparison, Object value) {
    /**
     * Checks that no part is null.
     *
     * @param column the column compared
     * @param comparison the operator
     * @param value the value compared with (bound)
     */
    public Condition {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(value, "a guard value must not be null (a comparison with NULL is never true)");
    }
  }

  private static final Guard NONE = new Guard(List.of());

  private final List<Condition> conditions;

  private Guard(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /**
   * No extra condition: the update applies to every row of the lookup.
   *
   * @return a guard that lets every row of the lookup through
   */
  public static Guard none() {
    return NONE;
  }

  /**
   * The row's {@code column} must be at least {@code value}.
   *
   * @param column a column of the table
   * @param value the bound value, not null
   * @return the guard
   */
  public static Guard atLeast(String column, Object value) {
    return NONE.and(column, Comparison.AT_LEAST, value);
  }

  /**
   * The row's {@code column} must be at most {@code value}.
   *
   * @param column a column of the table
   * @param value the bound value, not null
   * @return the guard
   */
  public static Guard atMost(String column, Object value) {
    return NONE.and(column, Comparison.AT_MOST, value);
  }

  /**
   * The row's {@code column} must be equal to {@code value}.
   *
   * @param column a column of the table
   * @param value the bound value, not null
   * @return the guard
   */
  public static Guard equalTo(String column, Object value) {
    return NONE.and(column, Comparison.EQUAL, value);
  }

  /**
   * The row's {@code column} must compare to {@code value} as {@code comparison} says.
   *
   * @param column a column of the table
   * @param comparison the operator
   * @param value the bound value, not null
   * @return the guard
   */
  public static Guard where(String column, Comparison comparison, Object value) {
    return NONE.and(column, comparison, value);
  }

  /**
   * This guard and one more condition.
   *
   * @param column a column of the table
   * @param comparison the operator
   * @param value the bound value, not null
   * @return a new guard with both
   */
  public Guard and(String column, Comparison comparison, Object value) {
    List<Condition> all = new ArrayList<>(conditions);
    all.add(new Condition(column, comparison, value));
    return new Guard(all);
  }

  /**
   * The conditions, joined with AND.
   *
   * @return the conditions, in the order given (immutable)
   */
  public List<Condition> conditions() {
    return conditions;
  }

  @Override
  public String toString() {
    return "Guard" + conditions.stream().map(c -> c.column() + " " + c.comparison().sql()).toList();
  }
}
