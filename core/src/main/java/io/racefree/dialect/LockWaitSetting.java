package io.racefree.dialect;

import java.util.Objects;

/**
 * How an engine bounds the lock waits of the statements that follow: a query that reads the
 * current bound, and a statement with one bound parameter that sets a new one. Present exactly when
 * the dialect supports {@link Feature#LOCK_TIMEOUT_SETTING}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param readSql a query whose single value is the current bound, in the setting's own form
 * @param setSql a statement with one parameter, the new bound
 * @param wholeSeconds true when the bound is whole seconds (MySQL family), false for milliseconds
 * @param textValue true when the parameter is bound as text (PostgreSQL's {@code set_config}),
 *     false when it is a number
 * @param transactionLocal true when the setting ends with the transaction or the savepoint it was
 *     made in (PostgreSQL's {@code SET LOCAL}): after a failure the rollback restores it; false when
 *     it stays on the session and must be put back on every path
 */
public record LockWaitSetting(
    String readSql, String setSql, boolean wholeSeconds, boolean textValue, boolean transactionLocal) {
  /**
   * Checks that neither statement is null.
   *
   * @param readSql reads the current setting
   * @param setSql sets it, with one bound parameter
   * @param textValue whether the value is bound as text (PostgreSQL: "1500ms") rather than a number
   * @param transactionLocal whether the setting ends with the transaction
   * @param wholeSeconds whether the engine counts whole seconds rather than milliseconds
   */
  public LockWaitSetting {
    Objects.requireNonNull(readSql, "readSql");
    Objects.requireNonNull(setSql, "setSql");
  }
}
