package io.racefree;

import io.racefree.dialect.DatabaseKind;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Dialects;
import io.racefree.dialect.ServerVersion;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.CallerConnection;
import io.racefree.internal.Catalog;
import io.racefree.internal.ConnectionSource;
import io.racefree.internal.DatabaseContext;
import io.racefree.internal.SessionRunner;
import io.racefree.internal.TransactionRunner;
import io.racefree.spi.ExternalTransaction;
import io.racefree.spi.ExternalTransactions;
import io.racefree.tx.TransactionOptions;
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
public final class Database {
  private final DataSource dataSource;
  private final DatabaseContext context;
  private final TransactionRunner transactions;
  private final SessionRunner sessions;

  private Database(
      DataSource dataSource, ExternalTransactions externals, Dialect dialect, Catalog catalog) {
    this.dataSource = dataSource;
    this.context = new DatabaseContext(this, dialect, catalog);
    ConnectionSource connections = new ConnectionSource(dataSource, externals);
    this.transactions = new TransactionRunner(context, connections);
    this.sessions = new SessionRunner(context, connections);
  }

  /** A database whose dialect is detected from one connection of {@code dataSource}. */
  public static Database of(DataSource dataSource) {
    return builder(dataSource).build();
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

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
   */
  public Database on(Connection connection) {
    CallerConnection caller = new CallerConnection(connection);
    return joining(() -> caller);
  }

  /**
   * This database taking part in the application's transactions as {@code transactions} reports
   * them (see {@link ExternalTransactions}); what {@link Builder#joining} sets, for an existing
   * database. The returned database shares this one's data source, dialect and catalog.
   */
  public Database joining(ExternalTransactions transactions) {
    return new Database(dataSource, java.util.Objects.requireNonNull(transactions, "transactions"),
        context.dialect(), context.catalog());
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Forgets every cached table description, for example after DDL. */
  public void refreshCatalog() {
    context.catalog().refresh();
  }

  /** Runs {@code callback} in a transaction with default options and returns its value. */
  public <T> T withTransaction(TransactionCallback<T> callback) {
    return withTransaction(TransactionOptions.defaults(), callback);
  }

  /**
   * Runs {@code callback} in a new outermost transaction with {@code options}. Under a retry policy
   * the callback may run more than once: keep side effects in {@link Transaction#onCommit} hooks.
   */
  public <T> T withTransaction(TransactionOptions options, TransactionCallback<T> callback) {
    return transactions.run(options, callback);
  }

  public void useTransaction(TransactionConsumer callback) {
    useTransaction(TransactionOptions.defaults(), callback);
  }

  public void useTransaction(TransactionOptions options, TransactionConsumer callback) {
    withTransaction(options, tx -> {
      callback.useTransaction(tx);
      return null;
    });
  }

  /** Runs {@code callback} on an auto-commit connection (each statement commits on its own). */
  public <T> T withSession(SessionCallback<T> callback) {
    return sessions.run(callback);
  }

  /** {@link Handle#get} as a single auto-committed statement. */
  public Row get(String table, Map<String, ?> lookup) {
    return withSession(session -> session.get(table, lookup));
  }

  public Optional<Row> find(String table, Map<String, ?> lookup) {
    return withSession(session -> session.find(table, lookup));
  }

  public List<Row> list(String table, Map<String, ?> lookup) {
    return withSession(session -> session.list(table, lookup));
  }

  public Row insert(String table, Map<String, ?> values) {
    return withSession(session -> session.insert(table, values));
  }

  public int update(String table, Map<String, ?> lookup, Map<String, ?> values) {
    return withSession(session -> session.update(table, lookup, values));
  }

  public int delete(String table, Map<String, ?> lookup) {
    return withSession(session -> session.delete(table, lookup));
  }

  // ---- get-or-create and update-or-create in their own transaction (io.racefree.upsert) ----

  /**
   * {@link Transaction#getOrCreate} on its own: an existing row is returned from one auto-committed
   * read; otherwise the row is created (or the concurrent winner's row found) in a transaction at
   * the connection's isolation level, retried under {@link io.racefree.tx.RetryPolicy#standard()}:
   * suppliers in {@code defaults} may run more than once.
   */
  public io.racefree.upsert.GetOrCreateResult getOrCreate(
      String table, Map<String, ?> lookup, Map<String, ?> defaults) {
    return getOrCreate(table, lookup, defaults, io.racefree.tx.RetryPolicy.standard());
  }

  /** {@link #getOrCreate(String, Map, Map)} with {@code retry} for the creating transaction. */
  public io.racefree.upsert.GetOrCreateResult getOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> defaults, io.racefree.tx.RetryPolicy retry) {
    // An existing row needs no transaction: one auto-committed read, like a hand-written SELECT.
    Optional<Row> existing =
        withSession(session -> io.racefree.upsert.internal.ExistingRow.find(session, table, lookup, defaults));
    if (existing.isPresent()) {
      return new io.racefree.upsert.GetOrCreateResult(existing.get(), false);
    }
    io.racefree.upsert.UpsertOptions insertFirst =
        io.racefree.upsert.UpsertOptions.defaults().withInsertFirst();
    return withTransaction(TransactionOptions.defaults().withRetry(retry),
        tx -> tx.getOrCreate(table, lookup, defaults, insertFirst));
  }

  /** {@link Transaction#updateOrCreate} in its own retried transaction. */
  public io.racefree.upsert.UpdateOrCreateResult updateOrCreate(String table,
      Map<String, ?> lookup, Map<String, ?> updates, Map<String, ?> createDefaults) {
    return withTransaction(upsertOptions(),
        tx -> tx.updateOrCreate(table, lookup, updates, createDefaults));
  }

  /** "Increment or create" ({@link Transaction#updateOrCreate(String, Map, io.racefree.lock.Assignments, Map)}) in its own retried transaction. */
  public io.racefree.upsert.UpdateOrCreateResult updateOrCreate(String table,
      Map<String, ?> lookup, io.racefree.lock.Assignments updates, Map<String, ?> createDefaults) {
    return withTransaction(upsertOptions(),
        tx -> tx.updateOrCreate(table, lookup, updates, createDefaults));
  }

  /** {@link Transaction#getOrCreateAll} in its own retried transaction. */
  public List<io.racefree.upsert.GetOrCreateResult> getOrCreateAll(
      String table, List<? extends Map<String, ?>> lookups, Map<String, ?> defaults) {
    return withTransaction(upsertOptions(), tx -> tx.getOrCreateAll(table, lookups, defaults));
  }

  /** {@link Transaction#updateOrCreateAll} in its own retried transaction. */
  public List<io.racefree.upsert.UpdateOrCreateResult> updateOrCreateAll(
      String table, List<? extends Map<String, ?>> rows, String... lookupColumns) {
    return withTransaction(upsertOptions(), tx -> tx.updateOrCreateAll(table, rows, lookupColumns));
  }

  private static TransactionOptions upsertOptions() {
    return TransactionOptions.defaults().withRetry(io.racefree.tx.RetryPolicy.standard());
  }

  // ---- end of get-or-create section ----

  // ---- named locks on a session (io.racefree.lock) ----

  /**
   * Runs {@code callback} on an auto-commit session while holding the session-scoped named lock
   * {@code name}, for work that spans several transactions; the lock is released when the callback
   * returns or throws (if the release fails the connection is aborted, never pooled holding it).
   * PostgreSQL {@code pg_advisory_lock}, MariaDB/MySQL {@code GET_LOCK}; SQLite and H2 have no
   * session lock: {@link io.racefree.error.UnsupportedFeatureException}.
   */
  public <T> T withLock(String name, SessionCallback<T> callback) {
    return io.racefree.lock.internal.SessionLocks.withLock(this, name, callback);
  }

  /** {@link Transaction#update(String, Map, io.racefree.lock.Assignments, io.racefree.lock.Guard)} as one auto-committed statement. */
  public int update(
      String table, Map<String, ?> lookup, io.racefree.lock.Assignments assignments, io.racefree.lock.Guard guard) {
    return withSession(
        session -> io.racefree.lock.internal.AtomicUpdates.update(session, table, lookup, assignments, guard));
  }

  /**
   * {@link Transaction#updateAll} in its own transaction, retried under {@link
   * io.racefree.tx.RetryPolicy#standard()} (serialization failures at snapshot isolation levels;
   * the updates never deadlock with each other).
   */
  public boolean updateAll(String table, String keyColumn,
      Map<?, io.racefree.lock.RowUpdate> updates) {
    return withTransaction(upsertOptions(), tx -> tx.updateAll(table, keyColumn, updates));
  }

  // ---- end of locks section ----

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

    private Builder(DataSource dataSource) {
      this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Uses {@code value} as is: no connection is opened to detect anything. */
    public Builder dialect(Dialect value) {
      this.dialect = value;
      return this;
    }

    /** Forces the engine; the server version is still read from a connection. */
    public Builder kind(DatabaseKind value) {
      this.kind = value;
      return this;
    }

    /**
     * Takes part in the application's transactions: whenever {@code transactions} reports one on
     * the calling thread, racefree works on its connection (see {@link ExternalTransaction}) instead
     * of borrowing one from the data source. Integrations such as racefree-spring set this.
     */
    public Builder joining(ExternalTransactions transactions) {
      this.externals = transactions;
      return this;
    }

    public Database build() {
      Dialect chosen = dialect != null ? dialect : detect();
      return new Database(dataSource, externals, chosen, new Catalog(chosen));
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
