package io.racefree.upsert;

import io.racefree.lock.Assignments;
import io.racefree.upsert.internal.RecordSplit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Race-free get-or-create and update-or-create: the upsert facet of {@link io.racefree.Transaction}
 * ({@code tx.getOrCreate(...)}, in the caller's transaction) and of {@link io.racefree.Database}
 * ({@code db.getOrCreate(...)}, each call in a transaction of its own, retried under {@link
 * io.racefree.tx.RetryPolicy#standard()} unless given other {@link io.racefree.tx.TransactionOptions}).
 * Options always come as {@link UpsertOptions}, retries always through {@link
 * io.racefree.tx.TransactionOptions}.
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
 * <p>Defaults may be plain values or {@link Supplier}s, called only when an insert is attempted,
 * never for a row that is already visible (and again if the transaction is retried).
 *
 * <p>Applications may implement this interface (a decorator, say): racefree never casts it to its
 * own classes. Thread-safety is the implementation's: on a {@code Transaction} not thread-safe, on
 * a {@code Database} thread-safe.
 */
public interface Upserts {
  /**
   * The row matching {@code lookup}, inserted with the lookup's values plus {@code defaults} if
   * none exists.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @return the row, and whether this call created it
   */
  GetOrCreateResult getOrCreate(
      String table, Map<String, ?> lookup, Map<String, ?> defaults, UpsertOptions options);

  /**
   * {@link #getOrCreate(String, Map, Map, UpsertOptions)} with {@link UpsertOptions#defaults()}.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @return the row, and whether this call created it
   */
  default GetOrCreateResult getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults) {
    return getOrCreate(table, lookup, defaults, UpsertOptions.defaults());
  }

  /**
   * Record form: the components named in {@code lookupColumns} (component or column names) are the
   * lookup, the other non-null ones the defaults.
   *
   * @param table the table, checked against the catalog
   * @param values a record whose components name the columns (snake_case) and hold the values
   * @param lookupColumns the columns that identify each row
   * @return the row, and whether this call created it
   */
  default GetOrCreateResult getOrCreate(String table, Record values, String... lookupColumns) {
    RecordSplit split = RecordSplit.of(values, lookupColumns);
    return getOrCreate(table, split.lookup(), split.rest(), UpsertOptions.defaults());
  }

  /**
   * Locks and updates the row matching {@code lookup} with {@code updates}, or inserts it with the
   * lookup plus {@code createDefaults}. No concurrent update is lost.
   *
   * @param updates applied to an existing row; a Supplier here is called once the row is locked,
   *     only when the row exists
   * @param createDefaults written, besides the lookup, when the row is created; null means "the
   *     updates" (Django's create_defaults)
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param options how the call may go about it
   * @return the row as stored afterwards, and whether it was created or updated
   */
  UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup, Map<String, ?> updates,
      Map<String, ?> createDefaults, UpsertOptions options);

  /**
   * {@link #updateOrCreate(String, Map, Map, Map, UpsertOptions)} with default options.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates column to value applied to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @return the row as stored afterwards, and whether it was created or updated
   */
  default UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> updates, Map<String, ?> createDefaults) {
    return updateOrCreate(table, lookup, updates, createDefaults, UpsertOptions.defaults());
  }

  /**
   * "Increment or create" in one call: the row matching {@code lookup} gets {@code updates}
   * applied atomically ({@code count = count + ?}: concurrent callers never lose an increment), or
   * is inserted with the lookup plus {@code createDefaults}; with null create defaults a new row
   * starts from zero ({@code add(c, n)} writes n, {@code subtract(c, n)} writes -n, {@code set(c,
   * v)} writes v).
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates what to apply, atomically, to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @param options how the call may go about it (see UpsertOptions)
   * @return the row as stored afterwards, and whether it was created or updated
   */
  UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup, Assignments updates,
      Map<String, ?> createDefaults, UpsertOptions options);

  /**
   * {@link #updateOrCreate(String, Map, Assignments, Map, UpsertOptions)} with default options.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates what to apply, atomically, to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @return the row as stored afterwards, and whether it was created or updated
   */
  default UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Assignments updates, Map<String, ?> createDefaults) {
    return updateOrCreate(table, lookup, updates, createDefaults, UpsertOptions.defaults());
  }

  /**
   * Record form: the named components are the lookup, the other non-null ones the updates.
   *
   * @param table the table, checked against the catalog
   * @param values a record whose components name the columns (snake_case) and hold the values
   * @param lookupColumns the columns that identify each row
   * @return the row as stored afterwards, and whether it was created or updated
   */
  default UpdateOrCreateResult updateOrCreate(String table, Record values, String... lookupColumns) {
    RecordSplit split = RecordSplit.of(values, lookupColumns);
    return updateOrCreate(table, split.lookup(), split.rest(), null, UpsertOptions.defaults());
  }

  /**
   * get-or-create for many lookups in a few statements per chunk of lookups: one read of the rows
   * that exist, one multi-row insert of the missing ones, one read of the rows others created
   * meanwhile. Results are in the order of {@code lookups}; a lookup given twice gets the same row,
   * created at most once.
   *
   * @param table the table, checked against the catalog
   * @param lookups the lookups, one result each, in this order
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @return one result per lookup, in order
   */
  List<GetOrCreateResult> getOrCreateAll(String table, List<? extends Map<String, ?>> lookups,
      Map<String, ?> defaults, UpsertOptions options);

  /**
   * {@link #getOrCreateAll(String, List, Map, UpsertOptions)} with default options.
   *
   * @param table the table, checked against the catalog
   * @param lookups the lookups, one result each, in this order
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @return one result per lookup, in order
   */
  default List<GetOrCreateResult> getOrCreateAll(
      String table, List<? extends Map<String, ?>> lookups, Map<String, ?> defaults) {
    return getOrCreateAll(table, lookups, defaults, UpsertOptions.defaults());
  }

  /**
   * updateOrCreate for many rows in a few statements per chunk: each row holds the {@code
   * lookupColumns} that identify it plus the values to set (on an existing row) or write (into a
   * new one). Results, with exact created/updated flags, are in the order of {@code rows}; rows are
   * locked in one canonical order, so concurrent calls over the same rows in opposite orders do not
   * deadlock. Two rows with the same lookup are an {@link io.racefree.error.InvalidRequestException}.
   *
   * @param table the table, checked against the catalog
   * @param rows the rows, each holding its lookup columns and the values to write
   * @param lookupColumns the columns that identify each row
   * @param options how the call may go about it (see UpsertOptions)
   * @return one result per row, in order
   */
  List<UpdateOrCreateResult> updateOrCreateAll(String table, List<? extends Map<String, ?>> rows,
      List<String> lookupColumns, UpsertOptions options);

  /**
   * {@link #updateOrCreateAll(String, List, List, UpsertOptions)} with default options.
   *
   * @param table the table, checked against the catalog
   * @param rows the rows, each holding its lookup columns and the values to write
   * @param lookupColumns the columns that identify each row
   * @return one result per row, in order
   */
  default List<UpdateOrCreateResult> updateOrCreateAll(
      String table, List<? extends Map<String, ?>> rows, String... lookupColumns) {
    return updateOrCreateAll(
        table, rows, lookupColumns == null ? null : Arrays.asList(lookupColumns), UpsertOptions.defaults());
  }
}
