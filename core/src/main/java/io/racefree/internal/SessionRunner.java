package io.racefree.internal;

import io.racefree.SessionCallback;
import io.racefree.error.SqlErrorTranslator;
import java.sql.Connection;
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
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate("get a connection", null, e, context.dialect().kind());
    }
    ConnectionState saved = null;
    JdbcSession session = new JdbcSession(context, connection);
    Throwable failure = null;
    try {
      saved = ConnectionState.capture(connection);
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
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
      restoreAndClose(connection, saved, failure);
    }
  }

  private void restoreAndClose(Connection connection, ConnectionState saved, Throwable failure) {
    try (connection) {
      if (saved != null) {
        saved.restore(connection);
      }
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw SqlErrorTranslator.translate("give back connection", null, e, context.dialect().kind());
      }
    }
  }
}
