package io.racefree;

import io.racefree.dialect.Dialect;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data access on one connection: plain reads and writes by lookup, and raw SQL with bound values.
 *
 * <p>A lookup is column to value; {@code null} means {@code IS NULL}. Table and column names are
 * checked against the catalog and quoted; values are always bound. Bad names fail with {@link
 * io.racefree.error.InvalidRequestException} before any data is touched.
 *
 * <p>Not thread-safe: a handle belongs to the thread running the callback that received it, and is
 * invalid after the callback returns.
 */
public interface Handle {
  /**
   * The database this handle belongs to.
   *
   * @return the database
   */
  Database database();

  /**
   * The database's dialect: its engine, version and capabilities.
   *
   * @return the dialect
   */
  Dialect dialect();

  /**
   * The underlying connection, for what racefree does not cover. Do not commit, roll back, close it
   * or change its auto-commit, isolation or read-only state: the callback owns its lifecycle.
   *
   * @return the underlying connection, for what racefree does not cover
   */
  Connection connection();

  /** The one row matching {@code lookup}; {@link io.racefree.error.NotFoundException} if none,
   * {@link io.racefree.error.TooManyRowsException} if several.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row
   */
  Row get(String table, Map<String, ?> lookup);

  /**
   * The row matching {@code lookup}, empty if none, TooManyRowsException if several.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row, or empty when none matches
   */
  Optional<Row> find(String table, Map<String, ?> lookup);

  /**
   * Every row matching {@code lookup} (all rows when it is empty), in primary-key order.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the matching rows
   */
  List<Row> list(String table, Map<String, ?> lookup);

  /**
   * Inserts one row and returns it as stored, generated keys and column defaults included: read
   * with {@code RETURNING *} (PostgreSQL, MariaDB, SQLite), or else by its primary key (H2, MySQL).
   * On an engine without RETURNING, for a table without a primary key (or whose key the values do
   * not give and the database does not generate), the row cannot be read back: the values passed in
   * are returned as they are, without defaults.
   *
   * @param table the table, checked against the catalog
   * @param values column to value to write
   * @return the row
   */
  Row insert(String table, Map<String, ?> values);

  /**
   * Inserts a record (components mapped to snake_case columns) and returns the stored row.
   *
   * @param table the table, checked against the catalog
   * @param values a record whose components name the columns (snake_case)
   * @return the row
   */
  default Row insert(String table, Record values) {
    return insert(table, io.racefree.internal.RecordMapper.toColumns(values));
  }

  /**
   * Updates the rows matching a non-empty {@code lookup}; returns how many matched.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param values column to value to write
   * @return how many rows matched
   */
  int update(String table, Map<String, ?> lookup, Map<String, ?> values);

  /**
   * Deletes the rows matching a non-empty {@code lookup}; returns how many were deleted.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return how many rows were deleted
   */
  int delete(String table, Map<String, ?> lookup);

  /**
   * {@link #get(String, Map)} mapped to the record {@code type} (see {@link Row#as}).
   *
   * @param <R> the record type
   * @param type the record class each row is mapped to (see Row#as)
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row as a record
   */
  default <R extends Record> R get(Class<R> type, String table, Map<String, ?> lookup) {
    return get(table, lookup).as(type);
  }

  /**
   * {@link #find(String, Map)} mapped to the record {@code type}.
   *
   * @param <R> the record type
   * @param type the record class each row is mapped to (see Row#as)
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row as a record, or empty when none matches
   */
  default <R extends Record> Optional<R> find(Class<R> type, String table, Map<String, ?> lookup) {
    return find(table, lookup).map(row -> row.as(type));
  }

  /**
   * {@link #list(String, Map)} mapped to the record {@code type}.
   *
   * @param <R> the record type
   * @param type the record class each row is mapped to (see Row#as)
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the matching rows as records
   */
  default <R extends Record> List<R> list(Class<R> type, String table, Map<String, ?> lookup) {
    return list(table, lookup).stream().map(row -> row.as(type)).toList();
  }

  /**
   * Runs a query with bound parameters and returns its rows.
   *
   * @param sql the statement, with ? for each parameter
   * @param parameters the values bound to the ?, in order (never concatenated)
   * @return the rows, in the order the query returned them
   */
  List<Row> query(String sql, Object... parameters);

  /**
   * Runs a statement with bound parameters and returns the update count.
   *
   * @param sql the statement, with ? for each parameter
   * @param parameters the values bound to the ?, in order (never concatenated)
   * @return the update count
   */
  int execute(String sql, Object... parameters);
}
