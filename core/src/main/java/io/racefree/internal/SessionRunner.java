package io.racefree.internal;

import io.racefree.SessionCallback;
import io.racefree.dialect.Feature;
import io.racefree.error.RacefreeException;
import io.racefree.error.SqlErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a callback on an auto-commit connection and gives it back as it came. Inside the
 * application's transaction it runs on that transaction's connection as it is, never committing
 * it; on PostgreSQL, where a failed statement would abort the whole transaction, in a savepoint.
 * Not API.
 */
public final class SessionRunner {
  private static final AtomicLong SAVEPOINTS = new AtomicLong();

  private final DatabaseContext context;
  private final ConnectionSource connections;

  public SessionRunner(DatabaseContext context, ConnectionSource connections) {
    this.context = context;
    this.connections = connections;
  }

  public <T, X extends Exception> T run(SessionCallback<T, X> callback) throws X {
    return runJdbc(callback::withSession);
  }

  /** What racefree itself runs on a session: given the session's own class, no cast needed. */
  public interface Work<T, X extends Exception> {
    T run(JdbcSession session) throws X;
  }

  /** Runs racefree's own {@code work} on a session, as {@link #run} runs a callback. */
  public <T, X extends Exception> T runJdbc(Work<T, X> callback) throws X {
    ConnectionLease lease = connections.lease(context.dialect().kind());
    JdbcSession session = new JdbcSession(context, lease.connection());
    boolean joined = lease.inOwnersTransaction();
    String savepoint = joined && context.dialect().supports(Feature.FAILED_STATEMENT_ABORTS_TRANSACTION)
        ? "rf_session_" + SAVEPOINTS.incrementAndGet()
        : null;
    Throwable failure = null;
    boolean savepointSet = false;
    try {
      if (!joined && !lease.connection().getAutoCommit()) {
        lease.connection().setAutoCommit(true);
      }
      if (savepoint != null) {
        TransactionControl.executeSql(lease.connection(), "SAVEPOINT " + savepoint);
        savepointSet = true;
      }
      T value = callback.run(session);
      if (savepointSet) {
        TransactionControl.executeSql(lease.connection(), "RELEASE SAVEPOINT " + savepoint);
      }
      return value;
    } catch (SQLException thrown) {
      failure = thrown;
      if (savepointSet) {
        rollBackTo(lease.connection(), savepoint, thrown);
      }
      RacefreeException translated =
          SqlErrorTranslator.translate("session", null, thrown, context.dialect().kind());
      context.events().failed(translated);
      throw translated;
    } catch (Throwable thrown) {
      failure = thrown;
      if (savepointSet) {
        rollBackTo(lease.connection(), savepoint, thrown);
      }
      if (thrown instanceof RacefreeException racefree) {
        context.events().refused(racefree);
      }
      throw thrown;
    } finally {
      session.close();
      lease.giveBack(failure, null);
    }
  }

  private static void rollBackTo(Connection connection, String savepoint, Throwable failure) {
    try {
      TransactionControl.rollbackToSavepoint(connection, savepoint);
      TransactionControl.executeSql(connection, "RELEASE SAVEPOINT " + savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
