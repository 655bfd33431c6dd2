package io.racefree.tx;

/**
 * How to run a transaction. Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * <p>{@code isolation} null means the connection's current level (for a nested transaction: the
 * outer one's). {@code retryPolicy} applies only to an outermost transaction; the callback may run
 * more than once. {@code sqliteWriteLockFirst} (SQLite only) begins with {@code BEGIN IMMEDIATE} so
 * the transaction holds the write lock before its first read; null means "yes unless read-only",
 * which is what a transaction that may write needs to avoid SQLITE_BUSY_SNAPSHOT.
 *
 * @param isolation the level to run at, or null
 * @param readOnly whether the transaction is read-only
 * @param retryPolicy what to retry, never null
 * @param sqliteWriteLockFirst see above, or null for the default
 */
public record TransactionOptions(
    Isolation isolation, boolean readOnly, RetryPolicy retryPolicy, Boolean sqliteWriteLockFirst) {

  /**
   * Options as given; a null retry policy means {@link RetryPolicy#none()}.
   *
   * @param retryPolicy when to run the transaction again after a retryable failure
   * @param isolation the level, or null to leave the connection as it is
   * @param readOnly whether the transaction is read-only
   * @param sqliteWriteLockFirst whether SQLite begins with the write lock (BEGIN IMMEDIATE)
   */
  public TransactionOptions {
    if (retryPolicy == null) {
      retryPolicy = RetryPolicy.none();
    }
  }

  /**
   * The connection's isolation level, read-write, no retries.
   *
   * @return the connection's isolation level, read-write, no retries
   */
  public static TransactionOptions defaults() {
    return new TransactionOptions(null, false, RetryPolicy.none(), null);
  }

  /**
   * For nested transactions: everything as the outer transaction has it.
   *
   * @return options that take everything from the outer transaction
   */
  public static TransactionOptions inherit() {
    return defaults();
  }

  /**
   * The defaults at isolation {@code level}.
   *
   * @param level the level to run at
   * @return the options
   */
  public static TransactionOptions isolation(Isolation level) {
    return defaults().withIsolation(level);
  }

  /**
   * These options at isolation {@code level} (null: the connection's own level, or the outer transaction's).
   *
   * @param level the level, or null
   * @return new options
   */
  public TransactionOptions withIsolation(Isolation level) {
    return new TransactionOptions(level, readOnly, retryPolicy, sqliteWriteLockFirst);
  }

  /**
   * These options, read-only or not.
   *
   * @param value true for a read-only transaction
   * @return new options
   */
  public TransactionOptions withReadOnly(boolean value) {
    return new TransactionOptions(isolation, value, retryPolicy, sqliteWriteLockFirst);
  }

  /**
   * These options retried under {@code policy} (outermost transactions only).
   *
   * @param policy the retry policy
   * @return new options
   */
  public TransactionOptions withRetry(RetryPolicy policy) {
    return new TransactionOptions(isolation, readOnly, policy, sqliteWriteLockFirst);
  }

  /**
   * Whether a SQLite transaction begins with {@code BEGIN IMMEDIATE} (by default: when not read-only), so it cannot fail with SQLITE_BUSY when it first writes.
   *
   * @param value true for BEGIN IMMEDIATE, false for a deferred BEGIN
   * @return new options
   */
  public TransactionOptions withSqliteWriteLockFirst(boolean value) {
    return new TransactionOptions(isolation, readOnly, retryPolicy, value);
  }

  /**
   * Whether a SQLite transaction with these options begins with {@code BEGIN IMMEDIATE}.
   *
   * @return whether a SQLite transaction with these options begins with {@code BEGIN IMMEDIATE}
   */
  public boolean takesSqliteWriteLockFirst() {
    return sqliteWriteLockFirst != null ? sqliteWriteLockFirst : !readOnly;
  }
}
