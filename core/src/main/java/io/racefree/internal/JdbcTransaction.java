package io.racefree.internal;

import io.racefree.Transaction;
import io.racefree.TransactionCallback;
import io.racefree.dialect.Feature;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TransactionAbortedException;
import io.racefree.error.TransactionStateException;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import io.racefree.Row;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.LockWait;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import io.racefree.lock.TableLock;
import io.racefree.lock.internal.AtomicUpdates;
import io.racefree.lock.internal.NamedLocks;
import io.racefree.lock.internal.OrderedUpdates;
import io.racefree.lock.internal.RowClaims;
import io.racefree.lock.internal.RowLocks;
import io.racefree.lock.internal.TableLocks;
import io.racefree.upsert.GetOrCreateResult;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import io.racefree.upsert.internal.UpsertOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One level of a transaction: the outermost one, or a savepoint inside it. Tracks whether the
 * database aborted it, so it is never reported as committed. Not thread-safe. Not API.
 */
public final class JdbcTransaction extends JdbcHandle implements Transaction {
  private final TransactionState state;
  private final TransactionOptions options;
  private final Isolation isolation;
  private final int depth;
  private final List<Runnable> hooks = new ArrayList<>();
  private RacefreeException abortedBy;
  private boolean rollbackOnly;
  private boolean closed;

  JdbcTransaction(
      DatabaseContext context,
      Connection connection,
      TransactionState state,
      TransactionOptions options,
      Isolation isolation,
      int depth) {
    super(context, connection);
    this.state = state;
    this.options = options;
    this.isolation = isolation;
    this.depth = depth;
  }

  @Override
  public Isolation isolation() {
    return isolation;
  }

  @Override
  public TransactionOptions options() {
    return options;
  }

  @Override
  public int depth() {
    return depth;
  }

  /**
   * True in the outermost level of a transaction racefree began for one call of its own: a failed
   * statement there ends the call and the transaction, so PostgreSQL needs no savepoint around it.
   */
  public boolean failedStatementEndsTheCall() {
    return depth == 0 && state.oneCall() && !state.joined();
  }

  /**
   * True in a one-call transaction that runs in auto-commit (see {@link
   * TransactionRunner#runOneCallAutoCommitted}): each statement commits by itself, nothing holds a
   * lock past its statement, and each statement sees every row committed before it.
   */
  public boolean autoCommitted() {
    return depth == 0 && state.autoCommitted();
  }

  /**
   * Thrown by a one-call operation that finds, before it runs any statement, that auto-commit is
   * not enough for it (it must hold a lock across statements): the runner then runs it again in a
   * transaction. Never reaches a caller.
   *
   * @return the signal, to throw
   */
  public static RuntimeException needsTransaction() {
    return NeedsTransaction.INSTANCE;
  }

  static final class NeedsTransaction extends RuntimeException {
    private static final NeedsTransaction INSTANCE = new NeedsTransaction();

    private NeedsTransaction() {
      super("this one-call operation needs a transaction", null, false, false);
    }
  }

  @Override
  public void onCommit(Runnable hook) {
    checkUsable("onCommit");
    state.requireVisibleEnd("onCommit", dialect().kind(), "run a hook after its commit");
    hooks.add(hook);
  }

  @Override
  public void setRollbackOnly() {
    rollbackOnly = true;
  }

  @Override
  public boolean isRollbackOnly() {
    return rollbackOnly;
  }

  /** The failure that aborted this level or the whole transaction, or null. */
  public RacefreeException abortCause() {
    return state.killedBy() != null ? state.killedBy() : abortedBy;
  }

  /**
   * The participant of {@code type} that runs when the outermost transaction ends (see {@link
   * CompletionParticipant}), created with {@code create} on first use; shared by every nesting level.
   */
  public <P extends CompletionParticipant> P participant(Class<P> type, Supplier<P> create) {
    checkUsable("register completion work");
    P existing = state.existingParticipant(type);
    if (existing != null) {
      return existing;
    }
    state.requireVisibleEnd("register completion work", dialect().kind(),
        "hold what must be released when it ends (a MariaDB/MySQL named lock, LOCK TABLES)");
    return state.participant(type, create);
  }

  /** The table, once every participant allows touching it (see {@link CompletionParticipant}). */
  @Override
  public TableInfo table(String name, String task) {
    TableInfo table = super.table(name, task);
    state.checkTableAccess(this, table, task);
    return table;
  }

  /** The participant of {@code type} registered so far in this transaction, or null. */
  public <P extends CompletionParticipant> P existingParticipant(Class<P> type) {
    return state.existingParticipant(type);
  }

  /** True when this is racefree's part of a transaction the application owns. */
  public boolean joinsOwnersTransaction() {
    return state.joined();
  }

  TransactionState state() {
    return state;
  }

  Throwable complete(boolean committed, Throwable failure) {
    return state.complete(connection(), committed, failure);
  }

  List<Runnable> hooks() {
    return hooks;
  }

  void close() {
    closed = true;
  }

  /**
   * Records what a failed statement did to the transaction. Where a failed statement only poisons
   * the transaction until a rollback (PostgreSQL), this level is aborted and a rollback to its
   * savepoint recovers it; where the engine rolled everything back (a deadlock on MariaDB, say), or
   * the connection is gone, the whole transaction is dead.
   */
  @Override
  protected void statementFailed(RacefreeException failure) {
    ErrorCategory category = failure.category();
    if (!SqlErrorTranslator.abortsTransaction(category, dialect().kind())) {
      return;
    }
    if (dialect().supports(Feature.FAILED_STATEMENT_ABORTS_TRANSACTION)
        && category != ErrorCategory.CONNECTION_LOST) {
      abortedBy = failure;
    } else {
      state.killedBy(failure);
    }
  }

  @Override
  protected void checkUsable(String task) {
    if (closed) {
      throw new TransactionStateException(
          ErrorDetails.of(task, dialect().kind()),
          "the transaction has ended; a handle is valid only inside its callback",
          null);
    }
    RacefreeException cause = abortCause();
    if (cause != null) {
      throw aborted(task, cause);
    }
  }

  TransactionAbortedException aborted(String task, RacefreeException cause) {
    String firstLine = cause.getMessage().lines().findFirst().orElse("");
    return new TransactionAbortedException(
        ErrorDetails.of(task, dialect().kind()),
        "the transaction was aborted by an earlier failure (" + firstLine + ")",
        cause.isRetryable()
            ? "let the outermost transaction retry (the earlier failure is retryable)"
            : "run statements that may fail in a nested transaction, which rolls back to its savepoint",
        cause);
  }

  @Override
  public <T, X extends Exception> T withTransaction(
      TransactionOptions nested, TransactionCallback<T, X> callback) throws X {
    checkUsable("nested transaction");
    NestingRules.check(this, nested);
    return inSavepoint(callback::withTransaction);
  }

  /** Runs racefree's own {@code work} in a savepoint, as {@link #withTransaction} runs a callback. */
  public <T> T nested(Function<JdbcTransaction, T> work) {
    checkUsable("nested transaction");
    return inSavepoint(work::apply);
  }

  /** What runs inside a savepoint, given the nested level. */
  private interface Nested<T, X extends Exception> {
    T run(JdbcTransaction child) throws X;
  }

  private <T, X extends Exception> T inSavepoint(Nested<T, X> work) throws X {
    String savepoint = state.savepointPrefix() + (depth + 1);
    TransactionControl.savepoint(this, savepoint);
    JdbcTransaction child =
        new JdbcTransaction(context(), connection(), state, options, isolation, depth + 1);
    try {
      T result = work.run(child);
      if (child.abortCause() != null) {
        throw child.aborted("nested transaction", child.abortCause());
      }
      if (child.rollbackOnly) {
        TransactionControl.rollbackToSavepoint(connection(), savepoint);
      } else {
        TransactionControl.releaseSavepoint(this, savepoint);
        hooks.addAll(child.hooks);
      }
      return result;
    } catch (SQLException failure) {
      rollbackToSavepoint(savepoint, failure);
      throw SqlErrorTranslator.translate("nested transaction", null, failure, dialect().kind());
    } catch (Throwable failure) {
      rollbackToSavepoint(savepoint, failure);
      throw failure;
    } finally {
      child.close();
    }
  }

  // ---- the facets, run on this transaction: internal code gets `this`, never a cast ----

  @Override
  public GetOrCreateResult getOrCreate(
      String table, Map<String, ?> lookup, Map<String, ?> defaults, UpsertOptions upsertOptions) {
    return UpsertOperations.getOrCreate(this, table, lookup, defaults, upsertOptions);
  }

  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> updates, Map<String, ?> createDefaults, UpsertOptions upsertOptions) {
    return UpsertOperations.updateOrCreate(this, table, lookup, updates, createDefaults, upsertOptions);
  }

  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Assignments updates, Map<String, ?> createDefaults, UpsertOptions upsertOptions) {
    return UpsertOperations.updateOrCreate(this, table, lookup, updates, createDefaults, upsertOptions);
  }

  @Override
  public List<GetOrCreateResult> getOrCreateAll(String table, List<? extends Map<String, ?>> lookups,
      Map<String, ?> defaults, UpsertOptions upsertOptions) {
    return UpsertOperations.getOrCreateAll(this, table, lookups, defaults, upsertOptions);
  }

  @Override
  public List<UpdateOrCreateResult> updateOrCreateAll(String table,
      List<? extends Map<String, ?>> rows, List<String> lookupColumns, UpsertOptions upsertOptions) {
    return UpsertOperations.updateOrCreateAll(this, table, rows, lookupColumns, upsertOptions);
  }

  @Override
  public List<Row> lockRows(String table, Map<String, ?> lookup, RowLock lock) {
    return context().events().lockWait(LockWait.Kind.ROWS, "lockRows(" + table + ")",
        () -> RowLocks.lockRows(this, table, lookup, lock));
  }

  @Override
  public List<Row> lockRowsInOrder(String table, String keyColumn, Collection<?> keys, RowLock lock) {
    return context().events().lockWait(LockWait.Kind.ROWS, "lockRowsInOrder(" + table + ")",
        () -> RowLocks.lockRowsInOrder(this, table, keyColumn, keys, lock));
  }

  @Override
  public List<Row> claim(String table, Map<String, ?> lookup, String orderColumn, int limit) {
    return context().events().lockWait(LockWait.Kind.ROWS, "claim(" + table + ")",
        () -> RowClaims.claim(this, table, lookup, orderColumn, limit));
  }

  @Override
  public void lockTables(List<TableLock> tables, boolean noWait) {
    context().events().lockWait(LockWait.Kind.TABLES, "lockTables", () -> {
      TableLocks.lock(this, tables, noWait);
      return null;
    });
  }

  @Override
  public void lock(String name) {
    context().events().lockWait(LockWait.Kind.NAMED, "lock(" + name + ")", () -> {
      NamedLocks.lock(this, name);
      return null;
    });
  }

  @Override
  public boolean tryLock(String name, Duration timeout) {
    return context().events().lockWait(LockWait.Kind.NAMED, "tryLock(" + name + ")",
        () -> NamedLocks.tryLock(this, name, timeout));
  }

  @Override
  public void lockAll(Collection<String> names) {
    context().events().lockWait(LockWait.Kind.NAMED, "lockAll", () -> {
      NamedLocks.lockAll(this, names);
      return null;
    });
  }

  @Override
  public int update(String table, Map<String, ?> lookup, Assignments assignments, Guard guard) {
    return AtomicUpdates.update(this, table, lookup, assignments, guard);
  }

  @Override
  public boolean updateAll(String table, String keyColumn, Map<?, RowUpdate> updates) {
    return OrderedUpdates.updateAll(this, table, keyColumn, updates);
  }

  @Override
  public long updateVersioned(String table, Map<String, ?> lookup, String versionColumn,
      long expectedVersion, Map<String, ?> values) {
    return AtomicUpdates.updateVersioned(this, table, lookup, versionColumn, expectedVersion, values);
  }

  private void rollbackToSavepoint(String savepoint, Throwable failure) {
    if (state.killedBy() != null) {
      return; // the database already rolled everything back; the savepoint is gone
    }
    try {
      TransactionControl.rollbackToSavepoint(connection(), savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
      state.killedBy(
          new TransactionAbortedException(
              ErrorDetails.of("rollback to savepoint", dialect().kind()),
              "could not roll back to savepoint " + savepoint,
              e));
    }
  }
}
