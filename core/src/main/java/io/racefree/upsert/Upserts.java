package io.racefree.upsert;

import io.racefree.Transaction;
import io.racefree.upsert.internal.BulkGetOrCreate;
import io.racefree.upsert.internal.GetOrCreateRun;
import io.racefree.upsert.internal.RecordSplit;
import io.racefree.upsert.internal.UpdateOrCreateRun;
import io.racefree.upsert.internal.UpsertCall;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Race-free get-or-create and update-or-create in a transaction the caller opened. The same
 * operations are on {@link Transaction} ({@code tx.getOrCreate(...)}) and, each in its own
 * retried transaction, on {@link io.racefree.Database}.
 *
 * <p>Contract: the lookup (column to value, {@code null} meaning IS NULL) selects at most one
 * row; the result is that row, created with the lookup's values plus the defaults if it did not
 * exist. Concurrent callers with the same lookup never create two rows. When a unique key covers
 * the lookup, racefree relies on it; otherwise it serializes creators with a lock, or refuses
 * where no lock can be correct (PostgreSQL REPEATABLE READ/SERIALIZABLE, H2), see {@code
 * docs/get-or-create.md}. At snapshot isolation levels a row committed by another transaction
 * after this one's snapshot cannot be returned: the call then throws the retryable {@link
 * io.racefree.error.SerializationFailureException}, never "not found"; run the transaction with
 * a {@link io.racefree.tx.RetryPolicy} and the next attempt returns the row.
 *
 * <p>Defaults may be plain values or {@link Supplier}s, called only when a row is about to be
 * inserted (and again if the transaction is retried). Stateless and thread-safe; the transaction
 * it is given is not.
 */
public final class Upserts {
  private Upserts() {}

  public static GetOrCreateResult getOrCreate(Transaction tx, String table, Map<String, ?> lookup,
      Map<String, ?> defaults, UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "getOrCreate", table, lookup, options);
    return GetOrCreateRun.run(call, call.checkedValues(defaults, "defaults"));
  }

  /**
   * @param updates applied to an existing row; a Supplier here is called once the row is locked,
   *     only when the row exists
   * @param createDefaults written, besides the lookup, when the row is created; null means "the
   *     updates" (Django's create_defaults)
   */
  public static UpdateOrCreateResult updateOrCreate(Transaction tx, String table,
      Map<String, ?> lookup, Map<String, ?> updates, Map<String, ?> createDefaults,
      UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "updateOrCreate", table, lookup, options);
    Map<String, Object> checkedUpdates = call.checkedValues(updates, "updates");
    Map<String, Object> create = createDefaults == null
        ? checkedUpdates
        : call.checkedValues(createDefaults, "create defaults");
    return UpdateOrCreateRun.run(call, checkedUpdates, create);
  }

  /**
   * "Increment or create": the row of {@code lookup} gets {@code updates} applied atomically
   * ({@code count = count + ?}, so concurrent callers never lose an increment), or is inserted with
   * the lookup plus {@code createDefaults}; with null create defaults a new row starts from zero
   * ({@code add(c, n)} writes n, {@code subtract(c, n)} writes -n, {@code set(c, v)} writes v).
   */
  public static UpdateOrCreateResult updateOrCreate(Transaction tx, String table,
      Map<String, ?> lookup, io.racefree.lock.Assignments updates, Map<String, ?> createDefaults,
      UpsertOptions options) {
    UpsertCall call = UpsertCall.prepare(tx, "updateOrCreate", table, lookup, options);
    Map<String, Object> create = createDefaults == null ? null : call.checkedValues(createDefaults, "create defaults");
    return io.racefree.upsert.internal.AssignmentUpsert.run(call, updates, create);
  }

  /**
   * The record form: the components named in {@code lookupColumns} (component or column names)
   * are the lookup; the other non-null components are the defaults.
   */
  public static GetOrCreateResult getOrCreate(Transaction tx, String table, Record values,
      String... lookupColumns) {
    RecordSplit split = RecordSplit.of(values, lookupColumns);
    return getOrCreate(tx, table, split.lookup(), split.rest(), UpsertOptions.defaults());
  }

  /** The record form of updateOrCreate: the non-null other components are the updates. */
  public static UpdateOrCreateResult updateOrCreate(Transaction tx, String table, Record values,
      String... lookupColumns) {
    RecordSplit split = RecordSplit.of(values, lookupColumns);
    return updateOrCreate(tx, table, split.lookup(), split.rest(), null, UpsertOptions.defaults());
  }

  /**
   * get-or-create for many lookups in a few statements per chunk of lookups: one read of the rows
   * that exist, one multi-row insert of the missing ones (PostgreSQL and SQLite), one read of the
   * rows others created meanwhile. Results are in the order of {@code lookups}; a lookup given
   * twice gets the same row, created at most once.
   */
  public static List<GetOrCreateResult> getOrCreateAll(Transaction tx, String table,
      List<? extends Map<String, ?>> lookups, Map<String, ?> defaults, UpsertOptions options) {
    return BulkGetOrCreate.run(tx, table, lookups, defaults,
        options == null ? UpsertOptions.defaults() : options);
  }

  /**
   * update-or-create for many rows: each row holds the {@code lookupColumns} (which identify it) and
   * the values to set, applied to an existing row or written, with the lookup, into a new one.
   * Results are in the order of {@code rows}; two rows with the same lookup are an {@link
   * io.racefree.error.InvalidRequestException}. Rows are taken in one canonical order, so
   * concurrent calls over the same rows in any order do not deadlock.
   */
  public static List<UpdateOrCreateResult> updateOrCreateAll(Transaction tx, String table,
      List<? extends Map<String, ?>> rows, String[] lookupColumns, UpsertOptions options) {
    return io.racefree.upsert.internal.BulkUpdateOrCreate.run(tx, table, rows, lookupColumns,
        options == null ? UpsertOptions.defaults() : options);
  }
}
