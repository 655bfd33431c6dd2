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

  /** Options as given; a null retry policy means {@link RetryPolicy#none()}. */
  public TransactionOptions {
    if (retryPolicy == null) {
      retryPolicy = RetryPolicy.none();
    }
  }

  /** The connection's isolation level, read-write, no retries. */
  public static TransactionOptions defaults() {
    return new TransactionOptions(null, false, RetryPolicy.none(), null);
  }

  /** For nested transactions: everything as the outer transaction has it. */
  public static TransactionOptions inherit() {
    return defaults();
  }

  public static TransactionOptions isolation(Isolation level) {
    return defaults().withIsolation(level);
  }

  public TransactionOptions withIsolation(Isolation level) {
    return new TransactionOptions(level, readOnly, retryPolicy, sqliteWriteLockFirst);
  }

  public TransactionOptions withReadOnly(boolean value) {
    return new TransactionOptions(isolation, value, retryPolicy, sqliteWriteLockFirst);
  }

  public TransactionOptions withRetry(RetryPolicy policy) {
    return new TransactionOptions(isolation, readOnly, policy, sqliteWriteLockFirst);
  }

  public TransactionOptions withSqliteWriteLockFirst(boolean value) {
    return new TransactionOptions(isolation, readOnly, retryPolicy, value);
  }

  /** Whether a SQLite transaction with these options begins with {@code BEGIN IMMEDIATE}. */
  public boolean takesSqliteWriteLockFirst() {
    return sqliteWriteLockFirst != null ? sqliteWriteLockFirst : !readOnly;
  }
}
