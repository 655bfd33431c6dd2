package io.racefree.internal;

import io.racefree.TransactionCallback;
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
import javax.sql.DataSource;

/**
 * Runs an outermost transaction: borrow a connection, remember its state, begin, call back, commit
 * or roll back, restore the state, give the connection back; and around that the retry loop of
 * the {@link RetryPolicy}. Commit hooks run once, after the attempt that committed. Thread-safe
 * (holds no per-call state). Not API.
 */
public final class TransactionRunner {
  private final DatabaseContext context;
  private final DataSource dataSource;

  public TransactionRunner(DatabaseContext context, DataSource dataSource) {
    this.context = context;
    this.dataSource = dataSource;
  }

  public <T> T run(TransactionOptions options, TransactionCallback<T> callback) {
    RetryPolicy policy = options.retryPolicy();
    List<RacefreeException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Committed<T> committed;
      try {
        committed = runOnce(options, callback);
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
      runHooks(committed.hooks());
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

  private <T> Committed<T> runOnce(TransactionOptions options, TransactionCallback<T> callback) {
    Connection connection = borrow();
    ConnectionState saved = null;
    JdbcTransaction transaction = null;
    Throwable failure = null;
    try {
      saved = ConnectionState.capture(connection);
      Isolation isolation = TransactionControl.begin(connection, context.dialect(), options);
      transaction =
          new JdbcTransaction(context, connection, new TransactionState(), options, isolation, 0);
      T value = Callbacks.call(callback, transaction);
      boolean committed = finish(connection, transaction);
      complete(connection, transaction, committed, null);
      return new Committed<>(value, transaction.hooks());
    } catch (Throwable thrown) {
      failure = thrown;
      RuntimeException translated = translate(thrown);
      if (transaction != null) {
        rollbackQuietly(connection, translated);
        complete(connection, transaction, false, translated);
      }
      throw translated;
    } finally {
      if (transaction != null) {
        transaction.close();
      }
      giveBack(connection, saved, options, failure);
    }
  }

  /** Commits, or rolls back a rollback-only transaction; returns whether it committed. */
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

  /**
   * Runs the completion hooks, each once, whatever happens to the others. With a primary failure,
   * hook failures are suppressed onto it; after a commit the first hook failure is thrown.
   */
  private void complete(
      Connection connection, JdbcTransaction transaction, boolean committed, Throwable primary) {
    List<CompletionHook> hooks = List.copyOf(transaction.completionHooks());
    transaction.completionHooks().clear();
    RuntimeException first = null;
    for (CompletionHook hook : hooks) {
      try {
        hook.transactionEnded(connection, committed);
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (first == null) {
          first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      // Never retryable: the transaction has already ended and must not run again.
      throw new io.racefree.error.TransactionStateException(
          ErrorDetails.of("transaction completion", context.dialect().kind()),
          "the transaction " + (committed ? "committed" : "rolled back")
              + ", but a completion hook failed: " + first.getMessage(),
          first);
    }
  }

  private RuntimeException translate(Throwable thrown) {
    if (thrown instanceof SQLException sql) {
      return SqlErrorTranslator.translate("transaction", null, sql, context.dialect().kind());
    }
    return Callbacks.unchecked(thrown, "transaction", context.dialect().kind());
  }

  private Connection borrow() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate("get a connection", null, e, context.dialect().kind());
    }
  }

  private void rollbackQuietly(Connection connection, RuntimeException failure) {
    try {
      TransactionControl.rollback(connection, context.dialect());
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void giveBack(
      Connection connection, ConnectionState saved, TransactionOptions options, Throwable failure) {
    try {
      TransactionControl.end(connection, context.dialect(), options);
      if (saved != null) {
        saved.restore(connection);
      }
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw SqlErrorTranslator.translate("restore connection state", null, e, context.dialect().kind());
      }
    } finally {
      closeQuietly(connection, failure);
    }
  }

  private static void closeQuietly(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void runHooks(List<Runnable> hooks) {
    RuntimeException first = null;
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
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
