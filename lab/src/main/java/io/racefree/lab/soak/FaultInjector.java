package io.racefree.lab.soak;

import com.zaxxer.hikari.HikariDataSource;
import io.racefree.lab.UsageException;
import io.racefree.lab.db.Engine;
import io.racefree.lab.db.LabDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Injects the soak's faults in turn, one every {@code faultEverySeconds}, until the soak ends, and
 * records each. Only the soak's own sessions are killed.
 *
 * <p>Thread-safe: runs on its own thread; {@link #events()} may be read from any thread.
 */
final class FaultInjector implements Runnable {
  private static final long HOLD_MILLIS = 2L * SoakSessions.LOCK_TIMEOUT_MILLIS;
  private static final long POOL_HOLD_MILLIS = 1000;

  private final LabDatabase database;
  private final SoakSessions sessions;
  private final HikariDataSource pool;
  private final SoakSettings settings;
  private final long started;
  private final long deadline;
  private final List<FaultEvent> events = new CopyOnWriteArrayList<>();
  private final SplittableRandom random;
  private final ServerRestart restart;

  FaultInjector(LabDatabase database, SoakSessions sessions, HikariDataSource pool, SoakSettings settings,
      ServerRestart restart, long started, long deadline) {
    this.database = database;
    this.restart = restart;
    this.sessions = sessions;
    this.pool = pool;
    this.settings = settings;
    this.started = started;
    this.deadline = deadline;
    this.random = new SplittableRandom(settings.seed());
  }

  List<FaultEvent> events() {
    return List.copyOf(events);
  }

  /** The fault kinds this engine can take, in the order they are injected. */
  static List<FaultKind> applicable(SoakSettings settings, Engine engine, boolean canRestart) {
    List<FaultKind> kinds = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      if (settings.faults().contains(kind) && kind.notApplicableReason(engine, canRestart) == null) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  @Override
  public void run() {
    List<FaultKind> kinds = applicable(settings, database.engine(), restart != null);
    long every = (long) (settings.faultEverySeconds() * 1000);
    for (int turn = 0; !kinds.isEmpty(); turn++) {
      long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(every);
      if (next >= deadline || !pauseUntil(next)) {
        return;
      }
      FaultKind kind = kinds.get(turn % kinds.size());
      long at = System.nanoTime();
      String detail;
      try {
        detail = switch (kind) {
          case KILL -> killOneSession();
          case CANCEL -> cancelOneStatement();
          case POOL -> holdThePool();
          case LOCK -> holdTheAccounts();
          case RESTART -> restartAndWait();
        };
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        detail = "could not inject: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      }
      events.add(new FaultEvent(TimeUnit.NANOSECONDS.toMillis(at - started), kind.label(), detail,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at)));
    }
  }

  private static boolean pauseUntil(long nanoTime) {
    try {
      long wait = nanoTime - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills one of the soak's live sessions, tried at random until one was there to kill. */
  private String killOneSession() throws SQLException {
    List<Long> ids = new ArrayList<>(sessions.ids());
    while (!ids.isEmpty()) {
      long id = ids.remove(random.nextInt(ids.size()));
      sessions.forget(id);
      if (kill(id)) {
        return "killed session " + id;
      }
    }
    return "no session of the soak was open";
  }

  /** Cancels the statement of one soak session that is running one right now. */
  private String cancelOneStatement() throws SQLException {
    List<Long> ids = sessions.ids();
    if (ids.isEmpty()) {
      return "no session of the soak was open";
    }
    String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    String busy = switch (database.engine()) {
      case POSTGRESQL -> "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND pid IN (" + in
          + ") AND application_name = '" + sessions.applicationName() + "'";
      case MARIADB, MYSQL -> "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND ID IN (" + in
          + ") AND DB = '" + database.workspace() + "'";
      case H2 -> "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT IS NOT NULL"
          + " AND SESSION_ID IN (" + in + ")";
      case SQLITE -> throw new IllegalStateException("SQLite has no sessions to cancel");
    };
    try (Connection admin = database.openSession()) {
      List<Long> running = new ArrayList<>();
      try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(busy)) {
        while (rows.next()) {
          running.add(rows.getLong(1));
        }
      }
      if (running.isEmpty()) {
        return "no statement of the soak was running";
      }
      long id = running.get(random.nextInt(running.size()));
      switch (database.engine()) {
        case POSTGRESQL -> signal(admin, "pg_cancel_backend", id);
        case H2 -> queryBoolean(admin, "SELECT CANCEL_SESSION(?)", id);
        default -> {
          if (inTheWorkspace(admin, id)) {
            try (Statement statement = admin.createStatement()) {
              statement.execute("KILL QUERY " + id); // a server-issued session number, not text
            }
          }
        }
      }
      return "cancelled the statement of session " + id + " (one of " + running.size() + " running)";
    }
  }

  private boolean kill(long id) throws SQLException {
    try (Connection admin = database.openSession()) {
      switch (database.engine()) {
        case POSTGRESQL -> {
          return signal(admin, "pg_terminate_backend", id);
        }
        case H2 -> {
          return queryBoolean(admin, "SELECT ABORT_SESSION(?)", id);
        }
        case MARIADB, MYSQL -> {
          if (!inTheWorkspace(admin, id)) {
            return false;
          }
          try (Statement statement = admin.createStatement()) {
            statement.execute("KILL " + id); // a server-issued session number, not text
            return true;
          } catch (SQLException goneAlready) {
            return false;
          }
        }
        default -> {
          return false;
        }
      }
    }
  }

  /**
   * Sends {@code function} (pg_cancel_backend or pg_terminate_backend) to pid {@code id} only while
   * it is still one of the soak's sessions: PostgreSQL reuses pids once a backend has ended.
   */
  private boolean signal(Connection admin, String function, long id) throws SQLException {
    try (PreparedStatement statement = admin.prepareStatement("SELECT " + function + "(pid) FROM pg_stat_activity"
        + " WHERE pid = CAST(? AS INTEGER) AND application_name = ?")) {
      statement.setLong(1, id);
      statement.setString(2, sessions.applicationName());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /** MariaDB/MySQL: whether session {@code id} still works in the soak's database (ids restart at 1). */
  private boolean inTheWorkspace(Connection admin, long id) throws SQLException {
    try (PreparedStatement statement = admin.prepareStatement(
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND DB = ?")) {
      statement.setLong(1, id);
      statement.setString(2, database.workspace());
      try (ResultSet count = statement.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
  }

  private static boolean queryBoolean(Connection connection, String sql, long id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /**
   * Restarts the server and waits until it takes connections again (a minute at most). The ids of
   * the sessions about to die are forgotten: the server may give them to other sessions.
   */
  private String restartAndWait() throws Exception {
    // Forgotten before, not after: the pool opens new sessions while the command still runs.
    sessions.forgetAll();
    String done = restart.restart();
    long since = System.nanoTime();
    long limit = since + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      try (Connection probe = database.openSession()) {
        return done + "; the server took connections again after "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) + " ms";
      } catch (SQLException | UsageException down) {
        if (System.nanoTime() > limit) {
          throw new SQLException("the server did not come back within a minute of the restart", down);
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  /** Borrows every connection of the pool and holds them, so callers time out waiting for one. */
  private String holdThePool() throws InterruptedException {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < settings.poolSize(); i++) {
        try {
          held.add(pool.getConnection());
        } catch (SQLException busy) {
          break; // the callers have the rest; they are what is being held up
        }
      }
      TimeUnit.MILLISECONDS.sleep(POOL_HOLD_MILLIS);
      return "held " + held.size() + " of " + settings.poolSize() + " pool connections for " + POOL_HOLD_MILLIS + " ms";
    } finally {
      for (Connection connection : held) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // A connection killed meanwhile: the pool replaces it.
        }
      }
    }
  }

  /** Holds every account row (SQLite: the write lock) longer than the callers' lock timeout. */
  private String holdTheAccounts() throws SQLException, InterruptedException {
    try (Connection holder = database.openSession(); Statement statement = holder.createStatement()) {
      if (database.engine() == Engine.SQLITE) {
        statement.execute("PRAGMA busy_timeout = 10000"); // wait for the caller that holds it now
        statement.execute("BEGIN IMMEDIATE");
      } else {
        holder.setAutoCommit(false);
        // In key order, as the callers' updateAll locks them: in heap order PostgreSQL saw deadlocks.
        try (ResultSet rows = statement.executeQuery("SELECT id FROM soak_account ORDER BY id FOR UPDATE")) {
          while (rows.next()) {
            // every row is locked once read
          }
        }
      }
      try {
        TimeUnit.MILLISECONDS.sleep(HOLD_MILLIS);
      } finally {
        if (database.engine() == Engine.SQLITE) {
          statement.execute("ROLLBACK");
        } else {
          holder.rollback();
        }
      }
      return (database.engine() == Engine.SQLITE ? "held the write lock" : "held every account row")
          + " for " + HOLD_MILLIS + " ms (callers wait at most " + SoakSessions.LOCK_TIMEOUT_MILLIS + " ms"
          + (database.engine() == Engine.SQLITE ? ")" : ", every other session " + SoakSessions.SHORT_STATEMENT_TIMEOUT_MILLIS
              + " ms, its statement timeout)");
    }
  }
}
