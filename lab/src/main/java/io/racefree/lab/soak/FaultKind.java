package io.racefree.lab.soak;

import io.racefree.lab.db.Engine;
import java.util.Arrays;
import java.util.Optional;

/** The faults a soak injects on a schedule. Immutable. */
public enum FaultKind {
  KILL("kill", "a random session of the soak's pool killed by the server (pg_terminate_backend,"
      + " KILL, H2 ABORT_SESSION)"),
  CANCEL("cancel", "the running statement of a random busy session of the soak cancelled"
      + " (pg_cancel_backend, KILL QUERY, H2 CANCEL_SESSION), as a statement timeout would"),
  POOL("pool", "every connection of the pool borrowed and held for a moment, so callers meet an"
      + " exhausted pool"),
  LOCK("lock", "every account row (SQLite: the database's write lock) held by another session for"
      + " longer than the soak's lock timeout; every other session has a statement timeout shorter still"),
  RESTART("restart", "the database server restarted (the lab's own --server, or by --restart-command) and waited"
      + " for until it takes"
      + " connections again");

  private final String label;
  private final String description;

  FaultKind(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /**
   * Why this fault cannot be injected here, or null when it can: SQLite has no server sessions to
   * kill, and a restart needs a way to restart the server.
   */
  public String notApplicableReason(Engine engine, boolean canRestart) {
    if ((this == KILL || this == CANCEL) && engine == Engine.SQLITE) {
      return "SQLite has no server sessions to " + (this == KILL ? "kill" : "cancel");
    }
    if (this == RESTART && !canRestart) {
      return "no --restart-command given, and the server was not started by the lab (--server)";
    }
    if (this == RESTART && (engine == Engine.SQLITE || engine == Engine.H2)) {
      return engine.displayName() + " runs inside the lab's process";
    }
    return null;
  }

  static Optional<FaultKind> parse(String text) {
    return Arrays.stream(values()).filter(kind -> kind.label.equalsIgnoreCase(text.trim())).findFirst();
  }
}
