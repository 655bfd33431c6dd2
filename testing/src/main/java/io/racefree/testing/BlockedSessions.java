package io.racefree.testing;

import io.racefree.testing.internal.SessionActivity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Observes, from another connection, whether a session waits on a lock: PostgreSQL
 * {@code pg_stat_activity.wait_event_type = 'Lock'} (row, table and advisory locks), MariaDB/MySQL
 * {@code information_schema.PROCESSLIST} states such as "User lock" or "Waiting for table metadata
 * lock" plus {@code INNODB_TRX.trx_state = 'LOCK WAIT'}, H2 {@code INFORMATION_SCHEMA.SESSIONS}
 * {@code BLOCKER_ID} / {@code SESSION_STATE = 'BLOCKED'}.
 *
 * <p>InnoDB serves {@code INNODB_TRX} from a snapshot shared by all clients and refreshed only
 * after 100 ms without readers, so on MariaDB/MySQL a session not yet seen waiting is also looked
 * up in {@code SHOW ENGINE INNODB STATUS} (needs the PROCESS privilege), and polls are 150 ms apart.
 *
 * <p>SQLite has no server and no view of waiting sessions: a blocked SQLite writer waits inside
 * {@code busy_timeout} in its own calling thread, so these methods throw
 * {@link UnsupportedOperationException} for it. Order SQLite steps with phases only.
 *
 * <p>Stateless and thread-safe; each observer connection must be used by one thread at a time.
 */
public final class BlockedSessions {
  private static final long POLL_PAUSE_MILLIS = 10;
  /**
   * InnoDB refreshes its INNODB_TRX snapshot only when it was not read for 100 ms
   * (trx_i_s_cache), so faster polling would keep seeing the same stale snapshot.
   */
  private static final long INNODB_POLL_PAUSE_MILLIS = 150;

  private BlockedSessions() {}

  /**
   * True if {@code session} waits on a lock right now.
   *
   * @param observer a connection of its own that reads the server's lock views
   * @param session the session watched
   * @return true if {@code session} waits on a lock right now
   */
  public static boolean isWaiting(Connection observer, SessionProbe session) {
    return read(observer, session).waitingOnLock();
  }

  /**
   * The session's current activity as one line (state, wait event, statement), for messages.
   *
   * @param observer a connection of its own that reads the server's lock views
   * @param session the session watched
   * @return the session's current activity as one line (state, wait event, statement), for messages
   */
  public static String describe(Connection observer, SessionProbe session) {
    return read(observer, session).description();
  }

  /**
   * Polls (pausing briefly between polls) until {@code session} waits on a lock.
   *
   * @return true, once the session waits
   * @throws SessionNotBlockedError if the session did not wait within {@code timeout}
   * @throws UnsupportedOperationException for SQLite
   * @param observer a connection of its own that reads the server's lock views
   * @param session the session watched
   * @param timeout how long to wait at most
   */
  public static boolean awaitWaiting(Connection observer, SessionProbe session, Duration timeout) {
    return awaitWaiting(observer, session, timeout, String.valueOf(session), () -> false);
  }

  static boolean awaitWaiting(Connection observer, SessionProbe session, Duration timeout, String who,
      BooleanSupplier finished) {
    Objects.requireNonNull(observer, "observer");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SessionActivity activity = read(observer, session);
      if (activity.waitingOnLock()) {
        return true;
      }
      if (finished.getAsBoolean()) {
        throw new SessionNotBlockedError(who + " finished instead of waiting on a lock in the database ("
            + session + ": " + activity.description() + ")");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new SessionNotBlockedError(who + " did not start waiting on a lock in the database within "
            + timeout + " (" + session + ": " + activity.description() + ")");
      }
      pause(session.engine());
    }
  }

  static UnsupportedOperationException sqliteUnsupported() {
    return new UnsupportedOperationException("SQLite has no server view of waiting sessions: a blocked"
        + " SQLite connection waits inside busy_timeout in its own thread. Order SQLite steps with"
        + " Interleaving phases only.");
  }

  private static SessionActivity read(Connection observer, SessionProbe session) {
    if (session.engine() == Engine.SQLITE) {
      throw sqliteUnsupported();
    }
    try {
      return SessionActivity.read(observer, session.engine(), session.sessionId());
    } catch (SQLException e) {
      throw new TestingSqlException("could not read the activity of " + session, e);
    }
  }

  private static void pause(Engine engine) {
    boolean innodb = engine == Engine.MARIADB || engine == Engine.MYSQL;
    try {
      Thread.sleep(innodb ? INNODB_POLL_PAUSE_MILLIS : POLL_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a session to block");
    }
  }
}
