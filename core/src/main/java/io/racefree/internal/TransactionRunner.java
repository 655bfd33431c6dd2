package io.racefree.internal;

import io.racefree.TransactionCallback;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;
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
  public <T> T run(TransactionOptions options, TransactionCallback<T> callback) {
    ConnectionLease lease = connections.lease(context.dialect().kind());
    if (lease.inOwnersTransaction()) {
      return joined.run(lease, options, callback);
    }
    RetryPolicy policy = options.retryPolicy();
    List<RacefreeException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Committed<T> committed;
      try {
        if (lease == null) {
          lease = connections.lease(context.dialect().kind());
        }
        ConnectionLease current = lease;
        lease = null;
        committed = runOnce(current, options, callback);
      } catch (RacefreeException failure) {
        boolean retry = policy.shouldRetry(decisive(failure), attempt);
        Duration delay = retry ? policy.delayBefore(attempt + 1) : Duration.ZERO;
        policy.listener().attemptFailed(new RetryAttempt(attempt, failure, retry, delay));
        if (!retry) {
          earlier.forEach(failure::addSuppressed);
          throw failure;
        }
        earlier.add(failure);
        pause(delay, failure);
        continue;
      }
      Hooks.runAll(committed.hooks());
      return committed.value();
    }
  }

  private record Committed<T>(T value, List<Runnable> hooks) {}

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

  private <T> Committed<T> runOnce(
      ConnectionLease lease, TransactionOptions options, TransactionCallback<T> callback) {
    Connection connection = lease.connection();
    JdbcTransaction transaction = null;
    Throwable failure = null;
    boolean committed = false;
    try {
      Isolation isolation = TransactionControl.begin(connection, context.dialect(), options, lease.saved());
      transaction =
          new JdbcTransaction(context, connection, new TransactionState(), options, isolation, 0);
      T value = Callbacks.call(callback, transaction);
      committed = finish(connection, transaction);
      return new Committed<>(value, transaction.hooks());
    } catch (Throwable thrown) {
      failure = thrown;
      if (transaction != null) {
        rollbackQuietly(connection, thrown);
      }
      throw translate(thrown);
    } finally {
      if (transaction != null) {
        transaction.close();
        completeOrGiveBack(lease, options, transaction, committed, failure);
      } else {
        giveBack(lease, options, failure);
      }
    }
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
      throw new RacefreeException(
          ErrorCategory.OTHER,
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
    TransactionControl.commit(connection, context.dialect());
    return true;
  }

  private RuntimeException translate(Throwable thrown) {
    if (thrown instanceof SQLException sql) {
      return context.dialect().refine(
          SqlErrorTranslator.translate("transaction", null, sql, context.dialect().kind()));
    }
    return Callbacks.unchecked(thrown, "transaction", context.dialect().kind());
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

  private void pause(Duration delay, RacefreeException failure) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw new io.racefree.error.TransactionStateException(
          ErrorDetails.of("retry", context.dialect().kind()),
          "interrupted while waiting to retry",
          failure);
    }
  }
}
