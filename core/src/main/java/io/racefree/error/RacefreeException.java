package io.racefree.error;

import io.racefree.dialect.DatabaseKind;

/**
 * The root of every error racefree throws. Unchecked and abstract: every error is one of the leaf
 * classes of this package, each named by what the caller does next and each fixing its own {@link
 * #category()} (so a type and its category never disagree); {@link #category()} and {@link
 * #isRetryable()} say the same for code that prefers a switch. An error racefree does not recognise
 * is an {@link UnrecognizedDatabaseException}. The message carries the task, the SQL (truncated, never the bound values), the SQLState,
 * the vendor code and advice.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public abstract class RacefreeException extends RuntimeException {
  /** @serial what went wrong, fixed by the leaf class */
  private final ErrorCategory category;
  /** @serial the task, SQL, codes and database */
  private final ErrorDetails details;

  /**
   * For the leaf classes, each of which passes its own category.
   *
   * @param category the category this exception belongs to
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  protected RacefreeException(
      ErrorCategory category, ErrorDetails details, String problem, String advice, Throwable cause) {
    super(compose(details, problem, advice), cause);
    this.category = category;
    this.details = details;
  }

  private static String compose(ErrorDetails details, String problem, String advice) {
    StringBuilder message = new StringBuilder();
    message.append(details.task()).append(": ").append(problem);
    if (details.sql() != null) {
      message.append("\n  SQL: ").append(details.truncatedSql());
    }
    if (details.sqlState() != null || details.vendorCode() != 0) {
      message
          .append("\n  SQLState ")
          .append(details.sqlState())
          .append(", vendor code ")
          .append(details.vendorCode());
    }
    if (details.database() != null) {
      message.append(details.sqlState() != null || details.vendorCode() != 0 ? ", " : "\n  ");
      message.append("on ").append(details.database().displayName());
    }
    if (advice != null && !advice.isEmpty()) {
      message.append("\n  What to do: ").append(advice);
    }
    return message.toString();
  }

  /**
   * What went wrong, fixed by the exception's class.
   *
   * @return what went wrong, fixed by the exception's class
   */
  public ErrorCategory category() {
    return category;
  }

  /**
   * True when re-running the whole outermost transaction may succeed.
   *
   * @return true when re-running the whole outermost transaction may succeed
   */
  public boolean isRetryable() {
    return category.retryable();
  }

  /**
   * The task, SQL, codes and database this exception is about.
   *
   * @return the task, SQL, codes and database this exception is about
   */
  public ErrorDetails details() {
    return details;
  }

  /**
   * What racefree was doing, for example {@code getOrCreate(account)}.
   *
   * @return what racefree was doing, for example {@code getOrCreate(account)}
   */
  public String task() {
    return details.task();
  }

  /**
   * The statement that failed, or null when none was running.
   *
   * @return the statement that failed, or null when none was running
   */
  public String sql() {
    return details.sql();
  }

  /**
   * The SQLState the driver reported, or null.
   *
   * @return the SQLState the driver reported, or null
   */
  public String sqlState() {
    return details.sqlState();
  }

  /**
   * The driver's vendor code, 0 when none.
   *
   * @return the driver's vendor code, 0 when none
   */
  public int vendorCode() {
    return details.vendorCode();
  }

  /**
   * The engine, or null when not known.
   *
   * @return the engine, or null when not known
   */
  public DatabaseKind database() {
    return details.database();
  }
}
