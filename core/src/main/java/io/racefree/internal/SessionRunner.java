package io.racefree.internal;

import io.racefree.SessionCallback;
import io.racefree.error.SqlErrorTranslator;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a callback on an auto-commit connection and gives it back as it came. Not API. */
public final class SessionRunner {
  private final DatabaseContext context;
  private final DataSource dataSource;

  public SessionRunner(DatabaseContext context, DataSource dataSource) {
    this.context = context;
    this.dataSource = dataSource;
  }

  public <T> T run(SessionCallback<T> callback) {
    ConnectionLease lease = ConnectionLease.borrow(dataSource, context.dialect().kind());
    JdbcSession session = new JdbcSession(context, lease.connection());
    Throwable failure = null;
    try {
      if (!lease.connection().getAutoCommit()) {
        lease.connection().setAutoCommit(true);
      }
      return callback.withSession(session);
    } catch (Throwable thrown) {
      failure = thrown;
      if (thrown instanceof SQLException sql) {
        throw SqlErrorTranslator.translate("session", null, sql, context.dialect().kind());
      }
      throw Callbacks.unchecked(thrown, "session", context.dialect().kind());
    } finally {
      session.close();
      lease.giveBack(failure, null);
    }
  }
}
