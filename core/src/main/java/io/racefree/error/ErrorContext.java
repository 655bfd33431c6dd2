package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.util.regex.Pattern;

/**
 * What the classifier knows besides the exception: the statement that failed (may be null) and the
 * engine (may be null when not detected yet). Immutable and thread-safe.
 */
record ErrorContext(String sql, DatabaseKind database) {
  private static final Pattern NOWAIT = Pattern.compile("\\bNOWAIT\\b", Pattern.CASE_INSENSITIVE);

  /**
   * True when the statement asked not to wait for locks. MariaDB and H2 report a NOWAIT failure
   * with the same code as a lock wait timeout, so the statement text is the only way to tell them
   * apart. A NOWAIT inside a string literal would fool this; both categories are retryable.
   */
  boolean statementRequestsNoWait() {
    return sql != null && NOWAIT.matcher(sql).find();
  }
}
