package io.racefree;

import io.racefree.dialect.DatabaseKind;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Dialects;
import io.racefree.dialect.Feature;
import io.racefree.dialect.ServerVersion;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.CallerConnection;
import io.racefree.internal.Catalog;
import io.racefree.internal.ConnectionSource;
import io.racefree.internal.DatabaseContext;
import io.racefree.internal.Events;
import io.racefree.internal.SessionRunner;
import io.racefree.internal.TransactionRunner;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.GuardedUpdates;
import io.racefree.lock.RowUpdate;
import io.racefree.lock.internal.AtomicUpdates;
import io.racefree.lock.internal.SessionLocks;
import io.racefree.spi.ExternalTransaction;
import io.racefree.spi.ExternalTransactions;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.GetOrCreateResult;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import io.racefree.upsert.Upserts;
import io.racefree.upsert.internal.ExistingRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The entry point: a {@link DataSource} (pooled or not) plus what racefree knows about the database
 * behind it (dialect, server version, table catalog).
 *
 * <pre>{@code
 * Database db = Database.of(dataSource);
 * Row account = db.withTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE)
 *         .withRetry(RetryPolicy.standard()),
 *     tx -> tx.get("account", Map.of("id", 7)));
 * }</pre>
 *
 * <p>Callbacks own the lifecycle: racefree borrows a connection, begins, commits or rolls back,
 * restores the connection's auto-commit, isolation and read-only state and gives it back, on every
 * path. Inside a transaction racefree did not begin ({@link #on(Connection)}, {@link
 * Builder#joining}) it never ends or changes that transaction: see docs/integration.md. Thread-safe:
 * share one instance per data source.
 */
public final class Database implements Upserts, GuardedUpdates {
  private final DataSource dataSource;
  private final boolean autoCommitOffIsIdle;
  private final DatabaseContext context;
  private final TransactionRunner transactions;
  private final SessionRunner sessions;

  private Database(DataSource dataSource, boolean autoCommitOffIsIdle, ExternalTransactions externals,
      Dialect dialect, Catalog catalog, Events events) {
    this.dataSource = dataSource;
    this.autoCommitOffIsIdle = autoCommitOffIsIdle;
    this.context = new DatabaseContext(this, dialect, catalog, events);
    ConnectionSource connections = new ConnectionSource(dataSource, externals, autoCommitOffIsIdle);
    this.transactions = new TransactionRunner(context, connections);
    this.sessions = new SessionRunner(context, connections);
  }

  /**
   * A database whose dialect is detected from one connection of {@code dataSource}.
   *
   * @param dataSource where connections come from
   * @return the database
   */
  public static Database of(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A builder for a database on {@code dataSource}: dialect, engine, listener, joining.
   *
   * @param dataSource where connections come from
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * The dialect: engine, server version and capabilities.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return context.dialect();
  }

  /**
   * This database on {@code connection}, a connection the caller owns (racefree never closes it).
   * If the connection has auto-commit off, its transaction is the caller's: racefree never commits,
   * rolls back or changes it; {@link #withTransaction} runs in a savepoint of it, is never retried
   * (a retryable exception reaches the caller, who retries the whole unit of work) and asking for
   * another isolation level or read-only fails with {@link
   * io.racefree.error.TransactionStateException} before any SQL. racefree cannot see when such a
   * transaction ends, so {@link Transaction#onCommit} and MariaDB/MySQL named locks are refused
   * there. With auto-commit on, racefree runs transactions of its own on the connection, as usual.
   * The returned database shares this one's dialect and catalog; use it on the connection's thread.
   *
   * @param connection a connection the caller owns and keeps open
   * @return the database
   */
  public Database on(Connection connection) {
    CallerConnection caller = new CallerConnection(connection);
    return joining(() -> caller);
  }

  /**
   * This database taking part in the application's transactions as {@code transactions} reports
   * them (see {@link ExternalTransactions}); what {@link Builder#joining} sets, for an existing
   * database. The returned database shares this one's data source, dialect and catalog.
   *
   * @param transactions reports the application's current transaction, if any
   * @return the database
   */
  public Database joining(ExternalTransactions transactions) {
    return new Database(dataSource, autoCommitOffIsIdle, java.util.Objects.requireNonNull(transactions, "transactions"),
        context.dialect(), context.catalog(), context.events());
  }

  /**
   * The data source connections come from.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Forgets every cached table description, for example after DDL. */
  public void refreshCatalog() {
    context.catalog().refresh();
  }

  /**
   * Runs {@code callback} in a transaction with default options and returns its value.
   *
   * @param <T> the callback's result type
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  public <T, X extends Exception> T withTransaction(TransactionCallback<T, X> callback) throws X {
    return withTransaction(TransactionOptions.defaults(), callback);
  }

  /**
   * Runs {@code callback} in a new outermost transaction with {@code options} and returns its value.
   * Under a retry policy the callback may run more than once: keep side effects in {@link
   * Transaction#onCommit} hooks. Only racefree's retryable exceptions are retried; any other
   * exception rolls the transaction back and reaches the caller unwrapped (a checked exception of
   * the callback as it was thrown; a {@link java.sql.SQLException} from raw JDBC in the callback is
   * translated, like racefree's own statements, so that a deadlock there is retried too).
   *
   * @param <T> the callback's result type
   * @param <X> the checked exception the callback may throw
   * @param options isolation, access mode and retry policy
   * @param callback the work; it may throw its own checked exception
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  public <T, X extends Exception> T withTransaction(
      TransactionOptions options, TransactionCallback<T, X> callback) throws X {
    return transactions.run(options, callback);
  }

  /**
   * {@link #withTransaction(TransactionCallback)} for a callback that returns nothing.
   *
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @throws X what the callback throws, unwrapped
   */
  public <X extends Exception> void useTransaction(TransactionConsumer<X> callback) throws X {
    useTransaction(TransactionOptions.defaults(), callback);
  }

  /**
   * {@link #withTransaction(TransactionOptions, TransactionCallback)} for a callback that returns nothing.
   *
   * @param <X> the checked exception the callback may throw
   * @param options isolation, access mode and retry policy
   * @param callback the work; it may throw its own checked exception
   * @throws X what the callback throws, unwrapped
   */
  public <X extends Exception> void useTransaction(
      TransactionOptions options, TransactionConsumer<X> callback) throws X {
    withTransaction(options, tx -> {
      callback.useTransaction(tx);
      return null;
    });
  }

  /**
   * Runs {@code callback} on an auto-commit connection (each statement commits on its own) and
   * returns its value; an exception of the callback reaches the caller unwrapped.
   *
   * @param <T> the callback's result type
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  public <T, X extends Exception> T withSession(SessionCallback<T, X> callback) throws X {
    return sessions.run(callback);
  }

  /**
   * {@link #withSession} for a callback that returns nothing.
   *
   * @param <X> the checked exception the callback may throw
   * @param callback the work; it may throw its own checked exception
   * @throws X what the callback throws, unwrapped
   */
  public <X extends Exception> void useSession(SessionConsumer<X> callback) throws X {
    withSession(session -> {
      callback.useSession(session);
      return null;
    });
  }

  /**
   * {@link Handle#get} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row
   */
  public Row get(String table, Map<String, ?> lookup) {
    return withSession(session -> session.get(table, lookup));
  }

  /**
   * {@link Handle#find} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the row, or empty when none matches
   */
  public Optional<Row> find(String table, Map<String, ?> lookup) {
    return withSession(session -> session.find(table, lookup));
  }

  /**
   * {@link Handle#list} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return the matching rows
   */
  public List<Row> list(String table, Map<String, ?> lookup) {
    return withSession(session -> session.list(table, lookup));
  }

  /**
   * {@link Handle#insert(String, Map)} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param values column to value to write
   * @return the row
   */
  public Row insert(String table, Map<String, ?> values) {
    return withSession(session -> session.insert(table, values));
  }

  /**
   * {@link Handle#update(String, Map, Map)} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param values column to value to write
   * @return how many rows matched
   */
  public int update(String table, Map<String, ?> lookup, Map<String, ?> values) {
    return withSession(session -> session.update(table, lookup, values));
  }

  /**
   * {@link Handle#delete} as a single auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @return how many rows matched
   */
  public int delete(String table, Map<String, ?> lookup) {
    return withSession(session -> session.delete(table, lookup));
  }

  // Upserts: each call in a transaction of its own, by default at the connection's isolation level
  // and retried under RetryPolicy.standard(); the overloads with TransactionOptions say otherwise.

  /**
   * {@link Transaction#getOrCreate} on its own: an existing row is returned from one auto-committed
   * read (with {@link UpsertOptions#withInsertFirst()}, for mostly new keys, the insert goes first
   * and the read runs only after a conflict); otherwise the row is created (or the concurrent winner's row found), retried under {@link
   * RetryPolicy#standard()}: where a unique key covers the lookup and the defaults hold no
   * suppliers, with one auto-committed insert (no transaction: a connection lost while it runs is a
   * {@link io.racefree.error.CommitOutcomeUnknownException}); otherwise in a transaction at the
   * connection's isolation level, where suppliers in {@code defaults} may run more than once.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @return the row, and whether this call created it
   */
  @Override
  public GetOrCreateResult getOrCreate(
      String table, Map<String, ?> lookup, Map<String, ?> defaults, UpsertOptions options) {
    return getOrCreate(table, lookup, defaults, options, upsertTransaction());
  }

  /**
   * {@link #getOrCreate(String, Map, Map, UpsertOptions)} with the creating transaction run under
   * {@code transaction} (its retry policy and listener; with an isolation level or read-only, the
   * row is always created in a transaction at that level).
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @param transaction the options of the transaction racefree runs the call in (isolation, retry policy and listener)
   * @return the row, and whether this call created it
   */
  public GetOrCreateResult getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults,
      UpsertOptions options, TransactionOptions transaction) {
    // An existing row needs no transaction: one auto-committed read, like a hand-written SELECT.
    // With insert-first (mostly new keys) the insert goes first and the read runs only after a conflict.
    if (options == null || !options.insertFirst()) {
      Optional<Row> existing =
          sessions.runJdbc(session -> ExistingRow.find(session, table, lookup, defaults));
      if (existing.isPresent()) {
        return new GetOrCreateResult(existing.get(), false);
      }
    }
    UpsertOptions insertFirst = (options == null ? UpsertOptions.defaults() : options).withInsertFirst();
    return transactions.runOneCallAutoCommitted(transaction, tx -> tx.getOrCreate(table, lookup, defaults, insertFirst));
  }

  /**
   * {@link Transaction#updateOrCreate} on its own, retried under {@link RetryPolicy#standard()}: on
   * PostgreSQL, with plain values and a unique key covering the lookup, as auto-committed statements
   * ({@code UPDATE ... RETURNING}, then {@code INSERT ... ON CONFLICT DO UPDATE}), each atomic (a
   * connection lost while one runs is a {@link io.racefree.error.CommitOutcomeUnknownException});
   * otherwise in a transaction of its own.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates column to value applied to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @param options how the call may go about it (see UpsertOptions)
   * @return the row as stored afterwards, and whether it was created or updated
   */
  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> updates, Map<String, ?> createDefaults, UpsertOptions options) {
    return updateOrCreate(table, lookup, updates, createDefaults, options, upsertTransaction());
  }

  /**
   * {@link #updateOrCreate(String, Map, Map, Map, UpsertOptions)} under {@code transaction} (its retry
   * policy and listener; with an isolation level or read-only, always in a transaction at that level).
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates column to value applied to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @param options how the call may go about it (see UpsertOptions)
   * @param transaction the options of the transaction racefree runs the call in (isolation, retry policy and listener)
   * @return the row as stored afterwards, and whether it was created or updated
   */
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> updates, Map<String, ?> createDefaults, UpsertOptions options,
      TransactionOptions transaction) {
    TransactionCallback<UpdateOrCreateResult, RuntimeException> call =
        tx -> tx.updateOrCreate(table, lookup, updates, createDefaults, options);
    // Only an engine whose upsert says what it did can run it auto-committed; elsewhere the row
    // lock needs a transaction, so no auto-committed attempt is begun only to be given up.
    return dialect().supports(Feature.UPSERT_REPORTS_INSERTED)
        ? transactions.runOneCallAutoCommitted(transaction, call)
        : transactions.runOneCall(transaction, call);
  }

  /**
   * "Increment or create" in its own transaction, retried under {@link RetryPolicy#standard()}.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates what to apply, atomically, to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @param options how the call may go about it (see UpsertOptions)
   * @return the row as stored afterwards, and whether it was created or updated
   */
  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Assignments updates, Map<String, ?> createDefaults, UpsertOptions options) {
    return updateOrCreate(table, lookup, updates, createDefaults, options, upsertTransaction());
  }

  /**
   * "Increment or create" in its own transaction, run under {@code transaction}.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param updates what to apply, atomically, to an existing row
   * @param createDefaults columns written besides the lookup when the row is created; null means the updates
   * @param options how the call may go about it (see UpsertOptions)
   * @param transaction the options of the transaction racefree runs the call in (isolation, retry policy and listener)
   * @return the row as stored afterwards, and whether it was created or updated
   */
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Assignments updates, Map<String, ?> createDefaults, UpsertOptions options,
      TransactionOptions transaction) {
    return transactions.runOneCall(transaction,
        tx -> tx.updateOrCreate(table, lookup, updates, createDefaults, options));
  }

  /**
   * {@link Transaction#getOrCreateAll} in its own transaction, retried under {@link RetryPolicy#standard()}.
   *
   * @param table the table, checked against the catalog
   * @param lookups the lookups, one result each, in this order
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @return one result per lookup, in order
   */
  @Override
  public List<GetOrCreateResult> getOrCreateAll(String table, List<? extends Map<String, ?>> lookups,
      Map<String, ?> defaults, UpsertOptions options) {
    return getOrCreateAll(table, lookups, defaults, options, upsertTransaction());
  }

  /**
   * {@link Transaction#getOrCreateAll} in its own transaction, run under {@code transaction}.
   *
   * @param table the table, checked against the catalog
   * @param lookups the lookups, one result each, in this order
   * @param defaults columns written besides the lookup when the row is created (values or Suppliers)
   * @param options how the call may go about it (see UpsertOptions)
   * @param transaction the options of the transaction racefree runs the call in (isolation, retry policy and listener)
   * @return one result per lookup, in order
   */
  public List<GetOrCreateResult> getOrCreateAll(String table, List<? extends Map<String, ?>> lookups,
      Map<String, ?> defaults, UpsertOptions options, TransactionOptions transaction) {
    return withTransaction(transaction, tx -> tx.getOrCreateAll(table, lookups, defaults, options));
  }

  /**
   * {@link Transaction#updateOrCreateAll} in its own transaction, retried under {@link RetryPolicy#standard()}.
   *
   * @param table the table, checked against the catalog
   * @param rows the rows, each holding its lookup columns and the values to write
   * @param lookupColumns the columns that identify each row
   * @param options how the call may go about it (see UpsertOptions)
   * @return one result per row, in order
   */
  @Override
  public List<UpdateOrCreateResult> updateOrCreateAll(String table,
      List<? extends Map<String, ?>> rows, List<String> lookupColumns, UpsertOptions options) {
    return updateOrCreateAll(table, rows, lookupColumns, options, upsertTransaction());
  }

  /**
   * {@link Transaction#updateOrCreateAll} in its own transaction, run under {@code transaction}.
   *
   * @param table the table, checked against the catalog
   * @param rows the rows, each holding its lookup columns and the values to write
   * @param lookupColumns the columns that identify each row
   * @param options how the call may go about it (see UpsertOptions)
   * @param transaction the options of the transaction racefree runs the call in (isolation, retry policy and listener)
   * @return one result per row, in order
   */
  public List<UpdateOrCreateResult> updateOrCreateAll(String table,
      List<? extends Map<String, ?>> rows, List<String> lookupColumns, UpsertOptions options,
      TransactionOptions transaction) {
    return withTransaction(transaction,
        tx -> tx.updateOrCreateAll(table, rows, lookupColumns, options));
  }

  /** What the upserts of a database run under: the connection's isolation, standard retries. */
  private static TransactionOptions upsertTransaction() {
    return TransactionOptions.defaults().withRetry(RetryPolicy.standard());
  }

  // Named locks on a session, and guarded updates.

  /**
   * Runs {@code callback} on an auto-commit session while holding the session-scoped named lock
   * {@code name}, for work that spans several transactions, and returns its value; the lock is
   * released when the callback returns or throws (if the release fails the connection is aborted,
   * never pooled holding it). PostgreSQL {@code pg_advisory_lock}, MariaDB/MySQL {@code GET_LOCK};
   * SQLite and H2 have no session lock: {@link io.racefree.error.UnsupportedFeatureException}.
   *
   * @param <T> the callback's result type
   * @param <X> the checked exception the callback may throw
   * @param name the lock's name, any string
   * @param callback the work; it may throw its own checked exception
   * @return what the callback returned
   * @throws X what the callback throws, unwrapped
   */
  public <T, X extends Exception> T withLock(String name, SessionCallback<T, X> callback) throws X {
    return SessionLocks.withLock(sessions, dialect(), name, callback);
  }

  /**
   * {@link #withLock} for a callback that returns nothing.
   *
   * @param <X> the checked exception the callback may throw
   * @param name the lock's name, any string
   * @param callback the work; it may throw its own checked exception
   * @throws X what the callback throws, unwrapped
   */
  public <X extends Exception> void useLock(String name, SessionConsumer<X> callback) throws X {
    withLock(name, session -> {
      callback.useSession(session);
      return null;
    });
  }

  /**
   * {@link Transaction#update(String, Map, Assignments, Guard)} as one auto-committed statement.
   *
   * @param table the table, checked against the catalog
   * @param lookup column to value the rows must match (null means IS NULL)
   * @param assignments what to write
   * @param guard the condition the row must meet to be written
   * @return how many rows matched the lookup and passed the guard (0 when the guard failed)
   */
  @Override
  public int update(String table, Map<String, ?> lookup, Assignments assignments, Guard guard) {
    return sessions.runJdbc(session -> AtomicUpdates.update(session, table, lookup, assignments, guard));
  }

  /**
   * {@link Transaction#updateAll} in its own transaction, retried under {@link
   * RetryPolicy#standard()} (serialization failures at snapshot isolation levels; the updates never
   * deadlock with each other).
   */
  @Override
  public boolean updateAll(String table, String keyColumn, Map<?, RowUpdate> updates) {
    return updateAll(table, keyColumn, updates, upsertTransaction());
  }

  /**
   * {@link Transaction#updateAll} in its own transaction, run under {@code transaction}.
   *
   * @param table the table, checked against the catalog
   * @param keyColumn the single-column key that identifies each row
   * @param updates key to the row update (assignments and guard) of that row
   * @param transaction the options of the transaction racefree runs the call in
   * @return true when every row was updated, false when a guard failed and nothing was written
   */
  public boolean updateAll(String table, String keyColumn, Map<?, RowUpdate> updates,
      TransactionOptions transaction) {
    return withTransaction(transaction, tx -> tx.updateAll(table, keyColumn, updates));
  }

  /**
   * {@link Transaction#updateVersioned} as one auto-committed statement; a {@link
   * io.racefree.error.StaleVersionException} is thrown, not retried (retry by running the read and
   * this update in a transaction with a retry policy).
   */
  @Override
  public long updateVersioned(String table, Map<String, ?> lookup, String versionColumn,
      long expectedVersion, Map<String, ?> values) {
    return sessions.runJdbc(session ->
        AtomicUpdates.updateVersioned(session, table, lookup, versionColumn, expectedVersion, values));
  }

  @Override
  public String toString() {
    return "Database[" + dialect() + "]";
  }

  /** Configures a {@link Database}. Not thread-safe; the database it builds is. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private DatabaseKind kind;
    private ExternalTransactions externals;
    private boolean autoCommitOffIsIdle;
    private DatabaseListener listener = DatabaseListener.NONE;

    private Builder(DataSource dataSource) {
      this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Uses {@code value} as is: no connection is opened to detect anything.
     *
     * @param value the dialect to use
     * @return this builder
     */
    public Builder dialect(Dialect value) {
      this.dialect = value;
      return this;
    }

    /**
     * Forces the engine; the server version is still read from a connection.
     *
     * @param value the engine
     * @return this builder
     */
    public Builder kind(DatabaseKind value) {
      this.kind = value;
      return this;
    }

    /**
     * Takes part in the application's transactions: whenever {@code transactions} reports one on
     * the calling thread, racefree works on its connection (see {@link ExternalTransaction}) instead
     * of borrowing one from the data source. Integrations such as racefree-spring set this.
     *
     * @param transactions reports the application's current transaction, if any
     * @return the builder
     */
    public Builder joining(ExternalTransactions transactions) {
      this.externals = transactions;
      return this;
    }

    /**
     * Declares that the data source is a pool configured to hand out its idle connections with
     * auto-commit off (HikariCP's {@code autoCommit=false}, say), never a connection inside a
     * transaction. Without this, racefree refuses such a connection with {@link
     * io.racefree.error.TransactionStateException}, because it cannot tell it from one inside the
     * application's transaction (a {@code TransactionAwareDataSourceProxy}). With it, racefree
     * switches the connection to auto-commit (ending the empty transaction some drivers, such as
     * SQLite's, begin at once), runs its work as usual and gives the connection back with
     * auto-commit off. Do not set this for a data source whose connections may carry the
     * application's uncommitted work: switching to auto-commit would commit it.
     *
     * @return this builder
     */
    public Builder poolWithAutoCommitOff() {
      this.autoCommitOffIsIdle = true;
      return this;
    }

    /**
     * Reports retries, conflicts and lock waits of the database to {@code value} (see {@link
     * DatabaseListener}); also shared by the databases {@link Database#on} and {@link
     * Database#joining} derive from it.
     *
     * @param value sees retries, conflicts and lock waits
     * @return this builder
     */
    public Builder listener(DatabaseListener value) {
      this.listener = java.util.Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * The database, its dialect detected from one connection unless set.
     *
     * @return the database
     */
    public Database build() {
      Dialect chosen = dialect != null ? dialect : detect();
      return new Database(dataSource, autoCommitOffIsIdle, externals, chosen, new Catalog(chosen), new Events(listener));
    }

    private Dialect detect() {
      try (Connection connection = dataSource.getConnection()) {
        Dialect detected = Dialects.detect(connection);
        if (kind == null || kind == detected.kind()) {
          return detected;
        }
        return Dialects.of(kind, ServerVersion.parse(connection.getMetaData().getDatabaseProductVersion()));
      } catch (SQLException e) {
        throw SqlErrorTranslator.translateGetConnection("connect to detect the dialect", e, kind);
      }
    }
  }
}
