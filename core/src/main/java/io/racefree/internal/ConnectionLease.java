package io.racefree.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TransactionStateException;
import io.racefree.spi.ExternalTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection borrowed from a data source, or from the application's transaction, together with
 * the state it came with, so that it goes back exactly as it came: auto-commit, isolation and
 * read-only restored, then closed (or released to the application), on every path. Not
 * thread-safe. Not API.
 */
final class ConnectionLease {
  /** Work on the connection before its state is restored, such as undoing a SQLite pragma. */
  @FunctionalInterface
  interface Undo {
    void run(Connection connection) throws SQLException;
  }

  private final Connection connection;
  private final ConnectionState saved;
  private final DatabaseKind database;
  private final ExternalTransaction external;

  private ConnectionLease(
      Connection connection, ConnectionState saved, DatabaseKind database, ExternalTransaction external) {
    this.connection = connection;
    this.saved = saved;
    this.database = database;
    this.external = external;
  }

  /**
   * A connection of {@code dataSource}. One that arrives with auto-commit off may belong to a
   * transaction someone else began (a {@code TransactionAwareDataSourceProxy}, say): racefree will
   * not commit it, so it refuses it before running any SQL, unless {@code autoCommitOffIsIdle}
   * (the application declared its pool hands out idle connections with auto-commit off). Such a
   * connection is switched to auto-commit, so every engine starts from the same state (the SQLite
   * driver has already begun a transaction on it), and goes back with auto-commit off.
   */
  static ConnectionLease borrow(DataSource dataSource, DatabaseKind database, boolean autoCommitOffIsIdle) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrorTranslator.translateGetConnection("get a connection", e, database);
    }
    ConnectionLease lease = capture(connection, database, null);
    if (!lease.saved.autoCommit() && autoCommitOffIsIdle) {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        RuntimeException failure = SqlErrorTranslator.translate("switch an idle connection to auto-commit", null, e, database);
        close(connection, failure);
        throw failure;
      }
      return lease;
    }
    if (!lease.saved.autoCommit()) {
      TransactionStateException refused = new TransactionStateException(
          ErrorDetails.of("get a connection", database),
          "the data source handed out a connection with auto-commit off, so it may be inside a"
              + " transaction racefree did not begin; racefree never commits or ends such a transaction",
          "to take part in your transaction, use Database.on(connection) or an integration"
              + " (racefree-spring); if the pool hands out idle connections with auto-commit off"
              + " (autoCommit=false), build the database with Database.builder(dataSource)"
              + ".poolWithAutoCommitOff(); otherwise configure the pool to hand out auto-commit connections",
          null);
      close(connection, refused);
      throw refused;
    }
    return lease;
  }

  /** The connection of the application's transaction {@code external}; released, never closed. */
  static ConnectionLease join(ExternalTransaction external, DatabaseKind database) {
    return capture(external.connection(), database, external);
  }

  private static ConnectionLease capture(
      Connection connection, DatabaseKind database, ExternalTransaction external) {
    try {
      return new ConnectionLease(connection, ConnectionState.capture(connection), database, external);
    } catch (SQLException e) {
      RuntimeException failure = SqlErrorTranslator.translate("read connection state", null, e, database);
      if (external != null) {
        external.release();
      } else {
        close(connection, failure);
      }
      throw failure;
    }
  }

  Connection connection() {
    return connection;
  }

  /** The state to restore, for recording an isolation change. */
  ConnectionState saved() {
    return saved;
  }

  /** The application's transaction this connection comes from, or null. */
  ExternalTransaction external() {
    return external;
  }

  /**
   * True when the connection is inside a transaction the application owns (it came from the
   * application with auto-commit off): racefree must not begin, commit or end it.
   */
  boolean inOwnersTransaction() {
    return external != null && !saved.autoCommit();
  }

  /**
   * Runs {@code undo} (may be null), restores the saved state and closes the connection (releases
   * it, for the application's). With a {@code failure} already on its way, problems here are
   * suppressed onto it. Without one the work is done (a transaction committed): a connection that
   * cannot be restored is aborted, never pooled in an unknown state, and the caller still gets its
   * result; throwing here would report a committed transaction as failed, and invite a second run
   * of work that already happened. The application's own connection cannot be aborted: a failure
   * to restore it is thrown.
   */
  void giveBack(Throwable failure, Undo undo) {
    if (external == null && brokeTheConnection(failure)) {
      abort(connection, failure);
      return;
    }
    if (external == null && alreadyEnded(connection)) {
      // Aborted on the way (a lock release that found the session gone): nothing to restore.
      close(connection, failure);
      return;
    }
    try {
      if (undo != null) {
        undo.run(connection);
      }
      saved.restore(connection);
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else if (external == null) {
        abort(connection, e);
        return;
      } else {
        RuntimeException restoreFailure =
            SqlErrorTranslator.translate("restore connection state", null, e, database);
        letGo(restoreFailure);
        throw restoreFailure;
      }
    }
    letGo(failure);
  }

  private static boolean alreadyEnded(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return false;
    }
  }

  private void letGo(Throwable failure) {
    if (external == null) {
      close(connection, failure);
      return;
    }
    try {
      external.release();
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /** True when {@code failure} says the connection itself is broken (or its Galera node unusable). */
  private boolean brokeTheConnection(Throwable failure) {
    if (failure instanceof RacefreeException racefree) {
      return racefree.category() == ErrorCategory.CONNECTION_LOST;
    }
    return failure instanceof SQLException sql
        && SqlErrorTranslator.categoryOf(sql, database) == ErrorCategory.CONNECTION_LOST;
  }

  /**
   * Ends a broken connection instead of restoring and returning it: {@link Connection#abort} makes
   * the driver drop it, and the close that follows hands the pool its proxy back. The pool's reset
   * of the dead connection then fails, and HikariCP evicts it where that failure has a
   * connection-broken SQLState (08xxx: PostgreSQL, MariaDB, MySQL), so no later caller borrows a
   * connection racefree saw break. H2 reports 900xx codes there: a pool needs an exception override
   * to evict them (the lab's soak has one).
   */
  private static void abort(Connection connection, Throwable failure) {
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
    close(connection, failure);
  }

  private static void close(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
