package io.racefree.error;

import io.racefree.dialect.DatabaseKind;

/**
 * Where an error happened: the task the caller asked for, the SQL (if any ran), the codes the
 * driver reported and the database. Immutable and thread-safe.
 *
 * @param task what racefree was doing, e.g. {@code "getOrCreate(account)"}; never null
 * @param sql the statement that failed, or null when no SQL ran
 * @param sqlState the SQLState reported by the driver, or null
 * @param vendorCode the driver's vendor code, 0 when none
 * @param database the engine, or null when not known yet
 */
public record ErrorDetails(
    String task, String sql, String sqlState, int vendorCode, DatabaseKind database) {

  static final int MAX_SQL_IN_MESSAGE = 200;

  /**
   * Details for a failure that ran no SQL (bad input, unsupported feature, misuse).
   *
   * @param task what racefree was doing
   * @param database the engine
   * @return details without SQL or codes
   */
  public static ErrorDetails of(String task, DatabaseKind database) {
    return new ErrorDetails(task, null, null, 0, database);
  }

  /**
   * These details with another statement.
   *
   * @param newSql the statement the error is about, or null
   * @return a copy with {@code newSql}
   */
  public ErrorDetails withSql(String newSql) {
    return new ErrorDetails(task, newSql, sqlState, vendorCode, database);
  }

  /**
   * The SQL cut to a length fit for a message.
   *
   * @return the SQL cut to a length fit for a message
   */
  public String truncatedSql() {
    if (sql == null) {
      return null;
    }
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_SQL_IN_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_SQL_IN_MESSAGE) + "...";
  }
}
