package io.racefree.internal;

import io.racefree.TransactionCallback;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.NodeNotReadyException;
import io.racefree.error.RacefreeException;
import io.racefree.error.ReleaseFailedException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryAttempt;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an outermost transaction: borrow a connection, remember its state, begin, call back, commit
 * or roll back, restore the state, give the connection back; and around that the retry loop of
 * the {@link RetryPolicy}. Commit hooks run once, after the attempt that committed. Thread-safe
 * (holds no per-call state). Not API.
 */
public final class TransactionRunner {
  private final DatabaseContext context;
  private final ConnectionSource connections;
  private final JoinedTransactions joined;

  public TransactionRunner(DatabaseContext context, ConnectionSource connections) {
    this.context = context;
    this.connections = connections;
    this.joined = new JoinedTransactions(context);
  }

  /**
   * Runs {@code callback} in a transaction of racefree's own, retried under the options' policy;
   * inside the application's transaction, in a savepoint of it, never retried (the application owns
   * the transaction, so only it can run the whole unit of work again).
   */
  public <T, X extends Exception> T run(TransactionOptions options, TransactionCallback<T, X> callback)
      throws X {
    return run(options, callback, Mode.TRANSACTION);
  }

  /**
   * {@link #run} for one call of racefree's own ({@code db.getOrCreate}, say) whose callback runs
   * nothing after a failed statement: in a transaction racefree begins, its writes need no
   * savepoint (two round trips fewer on PostgreSQL). Joined to the application's transaction it
   * runs as {@link #run} does.
   */
  public <T, X extends Exception> T runOneCall(TransactionOptions options, TransactionCallback<T, X> callback)
      throws X {
    return run(options, callback, Mode.ONE_CALL);
  }

  /**
   * {@link #runOneCall} without a transaction where the call needs none: on a connection of racefree's
   * own in auto-commit, for options that name no isolation level and are not read-only, {@code
   * callback} runs with each statement committing by itself (no isolation read, no BEGIN, no
   * COMMIT: two round trips fewer). A callback that needs a transaction says so before its first
   * statement ({@link JdbcTransaction#needsTransaction()}) and runs again in one.
   */
  public <T, X extends Exception> T runOneCallAutoCommitted(TransactionOptions options,
      TransactionCallback<T, X> callback) throws X {
    return run(options, callback, Mode.ONE_CALL_AUTO_COMMITTED);
  }

  /** How an attempt runs: a transaction, one of racefree's own calls, or that call in auto-commit. */
  private enum Mode { TRANSACTION, ONE_CALL, ONE_CALL_AUTO_COMMITTED }

  private <T, X extends Exception> T run(TransactionOptions options, TransactionCallback<T, X> callback,
      Mode mode) throws X {
    ConnectionLease lease = connections.lease(context.dialect().kind());
    RetryPolicy policy = options.retryPolicy();
    if (lease.inOwnersTransaction()) {
      try {
        return joined.run(lease, options, callback);
      } catch (RacefreeException failure) {
        // reported like a last attempt: the owner, not racefree, may run the unit of work again
        report(policy, new RetryAttempt(1, failure, false, Duration.ZERO));
        throw failure;
      }
    }
    List<RacefreeException> earlier = new ArrayList<>();
    long firstStarted = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      Committed<T> committed;
      try {
        if (lease == null) {
          lease = connections.lease(context.dialect().kind());
        }
        ConnectionLease current = lease;
        lease = null;
        committed = runOnce(current, options, callback, mode);
      } catch (RacefreeException failure) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - firstStarted);
        boolean retry = policy.shouldRetry(decisive(failure), attempt, elapsed);
        Duration delay = retry ? policy.delayBefore(attempt + 1, elapsed) : Duration.ZERO;
        report(policy, new RetryAttempt(attempt, failure, retry, delay));
        if (!retry) {
          earlier.forEach(failure::addSuppressed);
          throw failure;
        }
        earlier.add(failure);
        if (!pause(delay, failure)) {
          earlier.remove(failure);
          earlier.forEach(failure::addSuppressed);
          throw failure;
        }
        continue;
      }
      Hooks.runAll(committed.hooks());
      return committed.value();
    }
  }

  private record Committed<T>(T value, List<Runnable> hooks) {}

  private void report(RetryPolicy policy, RetryAttempt failed) {
    context.events().refused(failed.failure());
    notifyListener(policy, failed);
    context.events().attemptFailed(failed, policy);
  }

  /**
   * The failure a retry decision rests on: for a transaction the database aborted after the
   * callback swallowed the original error, that original error (a deadlock stays retryable).
   */
  private static RacefreeException decisive(RacefreeException failure) {
    if (failure instanceof io.racefree.error.TransactionAbortedException
        && failure.getCause() instanceof RacefreeException cause) {
      return cause;
    }
    return failure;
  }

  /** A listener that throws never replaces the failure being retried: it is added as suppressed. */
  private static void notifyListener(RetryPolicy policy, RetryAttempt attempt) {
    try {
      policy.listener().attemptFailed(attempt);
    } catch (RuntimeException | Error listenerFailure) {
      attempt.failure().addSuppressed(listenerFailure);
    }
  }

  private <T, X extends Exception> Committed<T> runOnce(
      ConnectionLease lease, TransactionOptions options, TransactionCallback<T, X> callback, Mode mode)
      throws X {
    if (mode == Mode.ONE_CALL_AUTO_COMMITTED && options.isolation() == null && !options.readOnly()) {
      Committed<T> done = runAutoCommitted(lease, options, callback);
      if (done != null) {
        return done;
      }
    }
    boolean oneCall = mode != Mode.TRANSACTION;
    Connection connection = lease.connection();
    JdbcTransaction transaction = null;
    Throwable failure = null;
    boolean committed = false;
    try {
      Isolation isolation = TransactionControl.begin(connection, context.dialect(), options, lease.saved());
      TransactionState state = new TransactionState();
      if (oneCall) {
        state.markOneCall();
      }
      transaction = new JdbcTransaction(context, connection, state, options, isolation, 0);
      T value = callback.withTransaction(transaction);
      committed = finish(connection, transaction);
      return new Committed<>(value, transaction.hooks());
    } catch (SQLException thrown) {
      // From begin or commit, or raw JDBC in the callback: translated, so a deadlock is retryable.
      failure = thrown;
      if (transaction != null) {
        rollbackQuietly(connection, thrown);
      }
      throw translated("transaction", thrown);
    } catch (Throwable thrown) {
      failure = thrown;
      if (transaction != null) {
        rollbackQuietly(connection, thrown);
      }
      throw thrown;
    } finally {
      if (transaction != null) {
        transaction.close();
        completeOrGiveBack(lease, options, transaction, committed, failure);
      } else {
        giveBack(lease, options, failure);
      }
    }
  }

  /**
   * One attempt in auto-commit; null (the connection kept, nothing run) when the callback needs a
   * transaction. The level reported to the callback is READ COMMITTED's (SQLite's own where it has
   * one level): each auto-committed statement sees every row committed before it.
   */
  private <T, X extends Exception> Committed<T> runAutoCommitted(
      ConnectionLease lease, TransactionOptions options, TransactionCallback<T, X> callback) throws X {
    TransactionState state = new TransactionState();
    state.markAutoCommitted();
    JdbcTransaction transaction = new JdbcTransaction(context, lease.connection(), state, options,
        context.dialect().effectiveIsolation(Isolation.READ_COMMITTED), 0);
    Throwable failure = null;
    boolean ran = true;
    try {
      T value = callback.withTransaction(transaction);
      return new Committed<>(value, transaction.hooks());
    } catch (JdbcTransaction.NeedsTransaction needs) {
      ran = false;
      return null;
    } catch (Throwable thrown) {
      failure = thrown;
      if (thrown instanceof SQLException raw) { // raw JDBC in the callback: translated, so a deadlock is retryable
        throw translated("auto-committed call", raw);
      }
      throw thrown;
    } finally {
      transaction.close();
      if (ran) {
        completeOrGiveBack(lease, options, transaction, failure == null, failure);
      }
    }
  }

  /** {@code raw}, translated and refined for this database, and reported as a failure. */
  private RacefreeException translated(String task, SQLException raw) {
    RacefreeException translated = context.dialect().refine(
        SqlErrorTranslator.translate(task, null, raw, context.dialect().kind()));
    context.events().failed(translated);
    return translated;
  }

  /** Runs the completion participants, then gives the connection back whatever they did. */
  private void completeOrGiveBack(
      ConnectionLease lease,
      TransactionOptions options,
      JdbcTransaction transaction,
      boolean committed,
      Throwable failure) {
    Throwable participantFailure;
    try {
      participantFailure = transaction.complete(committed, failure);
    } finally {
      giveBack(lease, options, failure);
    }
    if (participantFailure != null) {
      throw new ReleaseFailedException(
          ErrorDetails.of("end of transaction", context.dialect().kind()),
          "the transaction " + (committed ? "committed" : "rolled back")
              + ", but releasing what it held failed: " + participantFailure,
          "do not retry the transaction; the connection was closed if it could still hold locks",
          participantFailure);
    }
  }

  /** Commits, or rolls back a rollback-only transaction; true when it committed. */
  private boolean finish(Connection connection, JdbcTransaction transaction) throws SQLException {
    RacefreeException abort = transaction.abortCause();
    if (abort != null) {
      throw transaction.aborted("commit", abort);
    }
    if (transaction.isRollbackOnly()) {
      TransactionControl.rollback(connection, context.dialect());
      transaction.hooks().clear();
      return false;
    }
    try {
      TransactionControl.commit(connection, context.dialect());
    } catch (SQLException e) {
      RacefreeException translated = SqlErrorTranslator.translate("commit", "COMMIT", e, context.dialect().kind());
      if (translated.category() == ErrorCategory.CONNECTION_LOST && !(translated instanceof NodeNotReadyException)) {
        CommitOutcomeUnknownException unknown =
            new CommitOutcomeUnknownException(translated.details(), e.getMessage(), e);
        context.events().failed(unknown);
        throw unknown;
      }
      throw e;
    }
    return true;
  }

  private void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      TransactionControl.rollback(connection, context.dialect());
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void giveBack(ConnectionLease lease, TransactionOptions options, Throwable failure) {
    lease.giveBack(failure, connection -> TransactionControl.end(connection, context.dialect(), options));
  }

  /**
   * Waits {@code delay} before the next attempt; false when interrupted (the interrupt is kept,
   * added to {@code failure} as suppressed, and no further attempt is made).
   */
  private static boolean pause(Duration delay, RacefreeException failure) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      return false;
    }
  }
}
