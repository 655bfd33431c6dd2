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
   * java.util.function.Supplier}s, called only when the row is created. May throw the retryable
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

  // ---- end of get-or-create section ----

  // ---- locks and safe read-modify-write: entry points owned by io.racefree.lock ----

  // ---- end of locks section ----
}
