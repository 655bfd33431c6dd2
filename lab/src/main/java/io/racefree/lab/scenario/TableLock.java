package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import java.sql.SQLException;

/**
 * The "lock the whole table" advice per engine: PostgreSQL {@code LOCK TABLE ... IN SHARE ROW
 * EXCLUSIVE MODE} (conflicts with itself, readers pass), MariaDB {@code LOCK TABLES ... WRITE},
 * SQLite {@code BEGIN IMMEDIATE} (the database-wide writer lock). H2 has no table lock statement.
 *
 * <p>Stateless and thread-safe.
 */
final class TableLock {
  private TableLock() {}

  static boolean supported(Engine engine) {
    return engine != Engine.H2;
  }

  /** Begins a transaction holding the table lock. */
  static void begin(Actor actor, String table) throws SQLException {
    switch (actor.engine()) {
      case POSTGRESQL -> {
        actor.begin();
        actor.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
      }
      case MARIADB, MYSQL -> {
        actor.begin();
        actor.execute("LOCK TABLES " + table + " WRITE");
      }
      case SQLITE -> actor.execute("BEGIN IMMEDIATE");
      case H2 -> throw new SQLException("H2 has no LOCK TABLE statement");
    }
  }

  static void commit(Actor actor) throws SQLException {
    switch (actor.engine()) {
      case SQLITE -> actor.execute("COMMIT");
      case MARIADB, MYSQL -> {
        actor.commit();
        actor.execute("UNLOCK TABLES");
      }
      default -> actor.commit();
    }
  }

  /** Ends the table-lock transaction a failed call left open, unlocking MariaDB's tables. */
  static void rollbackQuietly(Actor actor) {
    try {
      switch (actor.engine()) {
        case SQLITE -> actor.execute("ROLLBACK");
        case MARIADB, MYSQL -> {
          actor.rollbackQuietly();
          actor.execute("UNLOCK TABLES");
        }
        default -> actor.rollbackQuietly();
      }
    } catch (SQLException ignored) {
      // Nothing open any more; the caller has the real error.
    }
  }
}
