package io.racefree.internal;

import io.racefree.Session;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;
import io.racefree.error.TransactionStateException;
import java.sql.Connection;

/** An auto-commit handle, valid while its callback runs. Not thread-safe. Not API. */
public final class JdbcSession extends JdbcHandle implements Session {
  private boolean closed;

  JdbcSession(DatabaseContext context, Connection connection) {
    super(context, connection);
  }

  void close() {
    closed = true;
  }

  @Override
  protected void statementFailed(RacefreeException failure) {
    // Auto-commit: a failed statement rolled back only itself.
  }

  @Override
  protected void checkUsable(String task) {
    if (closed) {
      throw new TransactionStateException(
          ErrorDetails.of(task, dialect().kind()),
          "the session has ended; a handle is valid only inside its callback",
          null);
    }
  }
}
