package io.racefree;

import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;

/**
 * An open transaction, handed to a {@link TransactionCallback} by {@link
 * Database#withTransaction}. The callback owns nothing: racefree begins, commits or rolls back and
 * restores the connection.
 *
 * <p>Nested calls to {@link #withTransaction} run in a savepoint: a failure rolls back to it and the
 * outer transaction goes on (also on PostgreSQL, where a failed statement otherwise aborts the
 * whole transaction). Retries happen only at the outermost level.
 *
 * <p>Not thread-safe: use it only on the thread running the callback, and not after it returns.
 */
public interface Transaction extends Handle {
  /** The isolation level this transaction runs at, as the database really applies it. */
  Isolation isolation();

  TransactionOptions options();

  /** 0 for the outermost transaction, 1 for a savepoint inside it, and so on. */
  int depth();

  /**
   * Runs {@code callback} in a savepoint. Asking for another isolation level, or read-write inside a
   * read-only transaction, or a retry policy (only the outermost transaction retries), fails with
   * {@link io.racefree.error.TransactionStateException}.
   */
  <T> T withTransaction(TransactionOptions options, TransactionCallback<T> callback);

  default <T> T withTransaction(TransactionCallback<T> callback) {
    return withTransaction(TransactionOptions.inherit(), callback);
  }

  default void useTransaction(TransactionConsumer callback) {
    withTransaction(tx -> {
      callback.useTransaction(tx);
      return null;
    });
  }

  /**
   * Runs {@code hook} after the outermost transaction commits; dropped if this transaction (or the
   * savepoint it was registered in) rolls back. A hook that throws does not undo the commit.
   */
  void onCommit(Runnable hook);

  /** Marks the transaction so that it rolls back instead of committing when the callback returns. */
  void setRollbackOnly();

  boolean isRollbackOnly();

  // ---- get-or-create and update-or-create: entry points owned by io.racefree.upsert ----

  /**
   * The row matching {@code lookup}, inserted with the lookup's values plus {@code defaults} if
   * none exists; race-free (see {@link io.racefree.upsert.Upserts}). Defaults may be {@link
   * java.util.function.Supplier}s, called only when an insert is attempted, never for a row that is
   * already visible (docs/get-or-create.md). May throw the retryable
   * {@link io.racefree.error.SerializationFailureException} at snapshot isolation levels: give the
   * outermost transaction a {@link io.racefree.tx.RetryPolicy}.
   */
  default io.racefree.upsert.GetOrCreateResult getOrCreate(
      String table, java.util.Map<String, ?> lookup, java.util.Map<String, ?> defaults) {
    return io.racefree.upsert.Upserts.getOrCreate(
        this, table, lookup, defaults, io.racefree.upsert.UpsertOptions.defaults());
  }

  default io.racefree.upsert.GetOrCreateResult getOrCreate(String table, java.util.Map<String, ?> lookup,
      java.util.Map<String, ?> defaults, io.racefree.upsert.UpsertOptions options) {
    return io.racefree.upsert.Upserts.getOrCreate(this, table, lookup, defaults, options);
  }

  /** Record form: the named components are the lookup, the other non-null ones the defaults. */
  default io.racefree.upsert.GetOrCreateResult getOrCreate(
      String table, Record values, String... lookupColumns) {
    return io.racefree.upsert.Upserts.getOrCreate(this, table, values, lookupColumns);
  }

  /**
   * Locks and updates the row matching {@code lookup} with {@code updates}, or inserts it with the
   * lookup plus {@code createDefaults} (the updates when null). No concurrent update is lost.
   */
  default io.racefree.upsert.UpdateOrCreateResult updateOrCreate(String table,
      java.util.Map<String, ?> lookup, java.util.Map<String, ?> updates, java.util.Map<String, ?> createDefaults) {
    return io.racefree.upsert.Upserts.updateOrCreate(this, table, lookup, updates, createDefaults,
        io.racefree.upsert.UpsertOptions.defaults());
  }

  default io.racefree.upsert.UpdateOrCreateResult updateOrCreate(String table,
      java.util.Map<String, ?> lookup, java.util.Map<String, ?> updates, java.util.Map<String, ?> createDefaults,
      io.racefree.upsert.UpsertOptions options) {
    return io.racefree.upsert.Upserts.updateOrCreate(this, table, lookup, updates, createDefaults, options);
  }

  /**
   * "Increment or create" in one call: the row matching {@code lookup} gets {@code updates}
   * applied atomically ({@code count = count + ?}: concurrent callers never lose an increment), or
   * is inserted with the lookup plus {@code createDefaults}; with null create defaults a new row
   * starts from zero ({@code Assignments.add("count", 1)} creates it with count 1).
   */
  default io.racefree.upsert.UpdateOrCreateResult updateOrCreate(String table,
      java.util.Map<String, ?> lookup, io.racefree.lock.Assignments updates, java.util.Map<String, ?> createDefaults) {
    return io.racefree.upsert.Upserts.updateOrCreate(this, table, lookup, updates, createDefaults,
        io.racefree.upsert.UpsertOptions.defaults());
  }

  /** Record form: the named components are the lookup, the other non-null ones the updates. */
  default io.racefree.upsert.UpdateOrCreateResult updateOrCreate(
      String table, Record values, String... lookupColumns) {
    return io.racefree.upsert.Upserts.updateOrCreate(this, table, values, lookupColumns);
  }

  /** getOrCreate for many lookups in a few statements; results in the order of {@code lookups}. */
  default java.util.List<io.racefree.upsert.GetOrCreateResult> getOrCreateAll(
      String table, java.util.List<? extends java.util.Map<String, ?>> lookups, java.util.Map<String, ?> defaults) {
    return io.racefree.upsert.Upserts.getOrCreateAll(
        this, table, lookups, defaults, io.racefree.upsert.UpsertOptions.defaults());
  }

  /**
   * updateOrCreate for many rows in a few statements per chunk: each row holds the {@code
   * lookupColumns} that identify it plus the values to set (on an existing row) or write (into a
   * new one). Results, with exact created/updated flags, are in the order of {@code rows}; rows are
   * locked in one canonical order, so concurrent calls over the same rows in opposite orders do not
   * deadlock. Two rows with the same lookup are an {@link io.racefree.error.InvalidRequestException}.
   */
  default java.util.List<io.racefree.upsert.UpdateOrCreateResult> updateOrCreateAll(String table,
      java.util.List<? extends java.util.Map<String, ?>> rows, String... lookupColumns) {
    return io.racefree.upsert.Upserts.updateOrCreateAll(
        this, table, rows, lookupColumns, io.racefree.upsert.UpsertOptions.defaults());
  }

  // ---- end of get-or-create section ----

  // ---- locks and safe read-modify-write: entry points owned by io.racefree.lock ----

  /**
   * Reads the rows matching {@code lookup} (in primary-key order) and locks them as {@code lock}
   * says until this transaction ends. An option the database cannot honour fails with {@link
   * io.racefree.error.UnsupportedFeatureException} before any SQL runs; NOWAIT on a locked row fails
   * with {@link io.racefree.error.LockNotAvailableException}, a bounded wait with {@link
   * io.racefree.error.LockTimeoutException} (the session's lock timeout is left as it was). SQLite
   * has no row locks: only a read-write transaction, which holds the database write lock, may call
   * this. Mapping per database: {@code docs/locks.md}.
   */
  default java.util.List<Row> lockRows(
      String table, java.util.Map<String, ?> lookup, io.racefree.lock.RowLock lock) {
    return io.racefree.lock.internal.RowLocks.lockRows(this, table, lookup, lock);
  }

  /**
   * Locks the rows whose {@code keyColumn} (a single-column primary or unique key) is one of {@code
   * keys}, one key at a time in ascending key order, so two transactions locking overlapping sets
   * wait for each other instead of deadlocking. Missing keys are skipped. Returns the rows in key
   * order.
   */
  default java.util.List<Row> lockRowsInOrder(
      String table, String keyColumn, java.util.Collection<?> keys, io.racefree.lock.RowLock lock) {
    return io.racefree.lock.internal.RowLocks.lockRowsInOrder(this, table, keyColumn, keys, lock);
  }

  /**
   * The job-queue read: at most {@code limit} rows matching {@code lookup}, lowest {@code
   * orderColumn} first (ties by primary key), locked until this transaction ends, leaving out rows
   * other transactions hold: {@code ORDER BY orderColumn LIMIT n FOR UPDATE SKIP LOCKED}. Concurrent
   * workers each get different rows. Mark the claimed rows (for example {@code state = 'taken'}) in
   * the same transaction. PostgreSQL, MariaDB 10.6+, MySQL 8.0+ and H2; older servers fail with
   * {@link io.racefree.error.UnsupportedFeatureException}. SQLite (one writer) reads the first rows
   * in a transaction that holds the write lock, so claimers run one after the other. See {@code
   * docs/locks.md}.
   */
  default java.util.List<Row> claim(
      String table, java.util.Map<String, ?> lookup, String orderColumn, int limit) {
    return io.racefree.lock.internal.RowClaims.claim(this, table, lookup, orderColumn, limit);
  }

  /**
   * Locks {@code table} until this transaction ends, so no other transaction writes it: PostgreSQL
   * {@code LOCK TABLE}, MariaDB/MySQL {@code LOCK TABLES} (must be the first statement of the
   * outermost transaction, which may then touch only the tables it locked; unlocked after commit or
   * rollback), SQLite the write lock a read-write transaction holds. H2 has none: {@link
   * io.racefree.error.UnsupportedFeatureException}.
   */
  default void lockTable(String table, io.racefree.lock.TableLockMode mode) {
    lockTables(java.util.List.of(new io.racefree.lock.TableLock(table, mode)), false);
  }

  /**
   * Locks several tables at once (MariaDB/MySQL need them in one statement); with {@code noWait}
   * a table another transaction holds fails with {@link
   * io.racefree.error.LockNotAvailableException} instead of waiting.
   */
  default void lockTables(java.util.List<io.racefree.lock.TableLock> tables, boolean noWait) {
    io.racefree.lock.internal.TableLocks.lock(this, tables, noWait);
  }

  /**
   * Takes the named lock {@code name}, waiting for it, and holds it until the outermost transaction
   * commits or rolls back (on every path, deadlock victims included). PostgreSQL advisory
   * transaction lock on a 64-bit hash of the name (a rollback to an earlier savepoint releases it);
   * MariaDB/MySQL GET_LOCK released by racefree; H2 a row of {@code racefree_locks}; SQLite the
   * write lock this transaction already holds.
   */
  default void lock(String name) {
    io.racefree.lock.internal.NamedLocks.lock(this, name);
  }

  /**
   * Like {@link #lock} but waits at most {@code timeout} (zero: not at all); false if the lock was
   * not granted, in which case the transaction is still usable.
   */
  default boolean tryLock(String name, java.time.Duration timeout) {
    return io.racefree.lock.internal.NamedLocks.tryLock(this, name, timeout);
  }

  /** Takes several named locks in one canonical (sorted) order, so lockers never deadlock. */
  default void lockAll(java.util.Collection<String> names) {
    io.racefree.lock.internal.NamedLocks.lockAll(this, names);
  }

  /**
   * Atomic read-modify-write: {@code UPDATE table SET <assignments> WHERE <lookup> AND <guard>}, for
   * example {@code balance = balance - ?} guarded by {@code balance >= ?}. Returns how many rows
   * changed (0 when the guard failed).
   */
  default int update(
      String table,
      java.util.Map<String, ?> lookup,
      io.racefree.lock.Assignments assignments,
      io.racefree.lock.Guard guard) {
    return io.racefree.lock.internal.AtomicUpdates.update(this, table, lookup, assignments, guard);
  }

  /**
   * Guarded atomic updates of several rows, deadlock-free by construction: the rows of {@code
   * updates} (keyed by {@code keyColumn}, a single-column primary or unique key) are locked in
   * ascending key order and nothing is written before every guard has passed. Returns true when
   * every row was updated; false when a guard failed, in which case nothing was written (rows read
   * so far stay locked until this transaction ends). A key without a row is a {@link
   * io.racefree.error.NotFoundException}; if a row before it was already written, this transaction
   * is marked rollback-only. Two transactions with overlapping keys, in any order, queue instead of
   * deadlocking: this is the transfer form. See {@code docs/locks.md}.
   */
  default boolean updateAll(String table, String keyColumn,
      java.util.Map<?, io.racefree.lock.RowUpdate> updates) {
    return io.racefree.lock.internal.OrderedUpdates.updateAll(this, table, keyColumn, updates);
  }

  /**
   * Optimistic update: sets {@code values} and bumps {@code versionColumn} by one if the row matching
   * {@code lookup} still has {@code expectedVersion}; returns the new version. Otherwise throws the
   * retryable {@link io.racefree.error.StaleVersionException}, which {@link
   * io.racefree.tx.RetryPolicy#standard()} retries at the outermost transaction.
   */
  default long updateVersioned(
      String table,
      java.util.Map<String, ?> lookup,
      String versionColumn,
      long expectedVersion,
      java.util.Map<String, ?> values) {
    return io.racefree.lock.internal.AtomicUpdates.updateVersioned(
        this, table, lookup, versionColumn, expectedVersion, values);
  }

  // ---- end of locks section ----
}
