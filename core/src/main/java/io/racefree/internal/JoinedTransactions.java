package io.racefree.internal;

import io.racefree.TransactionCallback;
import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TransactionStateException;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs racefree's transaction inside a transaction the application owns: a savepoint that is
 * released on success and rolled back to on failure (so a failed statement on PostgreSQL does not
 * poison the application's transaction). The commit is the application's: {@code onCommit} hooks
 * and completion participants run when it ends. Never retried here: a retryable failure goes to the
 * owner, who can retry the whole unit of work. Thread-safe (holds no per-call state). Not API.
 */
final class JoinedTransactions {
  private static final AtomicLong SAVEPOINTS = new AtomicLong();

  private final DatabaseContext context;

  JoinedTransactions(DatabaseContext context) {
    this.context = context;
  }

  <T, X extends Exception> T run(
      ConnectionLease lease, TransactionOptions options, TransactionCallback<T, X> callback) throws X {
    Throwable failure = null;
    try {
      return runInSavepoint(lease, options, callback);
    } catch (Throwable thrown) {
      failure = thrown;
      throw thrown;
    } finally {
      lease.giveBack(failure, null);
    }
  }

  private <T, X extends Exception> T runInSavepoint(
      ConnectionLease lease, TransactionOptions options, TransactionCallback<T, X> callback) throws X {
    Connection connection = lease.connection();
    Isolation isolation = checkOptions(connection, lease.saved(), options);
    String savepoint = "rf_join_" + SAVEPOINTS.incrementAndGet();
    TransactionState state = TransactionState.joined(savepoint + "_sp_");
    OwnerCompletion completion = new OwnerCompletion(connection, state);
    if (!lease.external().afterCompletion(completion)) {
      state.ownerEndInvisible();
    }
    JdbcTransaction transaction =
        new JdbcTransaction(context, connection, state, options, isolation, 0);
    boolean savepointSet = false;
    try {
      TransactionControl.savepoint(transaction, savepoint);
      savepointSet = true;
      T value = callback.withTransaction(transaction);
      if (transaction.abortCause() != null) {
        throw transaction.aborted("end of joined transaction", transaction.abortCause());
      }
      if (transaction.isRollbackOnly()) {
        rollbackToSavepoint(connection, savepoint);
      } else {
        TransactionControl.releaseSavepoint(transaction, savepoint);
        completion.addHooks(transaction.hooks());
      }
      return value;
    } catch (SQLException thrown) {
      undo(connection, savepointSet, state, savepoint, thrown);
      throw SqlErrorTranslator.translate("joined transaction", null, thrown, context.dialect().kind());
    } catch (Throwable thrown) {
      undo(connection, savepointSet, state, savepoint, thrown);
      throw thrown;
    } finally {
      transaction.close();
    }
  }

  private static void undo(Connection connection, boolean savepointSet, TransactionState state,
      String savepoint, Throwable failure) {
    if (savepointSet && state.killedBy() == null) {
      try {
        rollbackToSavepoint(connection, savepoint);
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void rollbackToSavepoint(Connection connection, String savepoint) throws SQLException {
    TransactionControl.rollbackToSavepoint(connection, savepoint);
    TransactionControl.executeSql(connection, "RELEASE SAVEPOINT " + savepoint);
  }

  /**
   * What racefree may ask of a transaction it did not begin: nothing that would change it. Returns
   * the level the transaction runs at; fails before any SQL when the options ask for another level
   * or for read-only inside a read-write transaction.
   */
  private Isolation checkOptions(Connection connection, ConnectionState saved, TransactionOptions options)
      throws TransactionStateException {
    Dialect dialect = context.dialect();
    if (options.readOnly() && !saved.readOnly()) {
      throw refuse("it asks to be read-only inside the application's read-write transaction");
    }
    Isolation running;
    if (dialect.controlsTransactionsWithSql()) {
      running = dialect.serverRuns(Isolation.SERIALIZABLE);
    } else {
      try {
        Isolation current = Isolation.fromJdbc(connection.getTransactionIsolation());
        running = current == null ? null : dialect.serverRuns(current);
      } catch (SQLException e) {
        throw SqlErrorTranslator.translate("joined transaction: read isolation", null, e, dialect.kind());
      }
    }
    if (options.isolation() != null && dialect.serverRuns(options.isolation()) != running
        && dialect.effectiveIsolation(options.isolation()) != running) {
      throw refuse("it asks for " + options.isolation() + " inside the application's transaction running at "
          + running + "; racefree never changes the isolation of a transaction it did not begin");
    }
    return running;
  }

  private TransactionStateException refuse(String why) {
    return new TransactionStateException(
        ErrorDetails.of("joined transaction", context.dialect().kind()),
        "racefree cannot take part in the application's transaction: " + why,
        "give these options to the transaction that owns the connection (for Spring:"
            + " @Transactional(isolation = ..., readOnly = ...)), or ask racefree for none",
        null);
  }
}
