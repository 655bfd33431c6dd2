package io.racefree.lab.soak;

import io.racefree.lab.db.Engine;
import java.util.Arrays;
import java.util.Optional;

/** The faults a soak injects on a schedule. Immutable. */
public enum FaultKind {
  KILL("kill", "a random session of the soak's pool killed by the server (pg_terminate_backend,"
      + " KILL, H2 ABORT_SESSION)"),
  POOL("pool", "every connection of the pool borrowed and held for a moment, so callers meet an"
      + " exhausted pool"),
  LOCK("lock", "every account row (SQLite: the database's write lock) held by another session for"
      + " longer than the soak's lock timeout");

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

  /** Whether {@code engine} has what the fault needs: SQLite has no server sessions to kill. */
  public boolean appliesTo(Engine engine) {
    return this != KILL || engine != Engine.SQLITE;
  }

  static Optional<FaultKind> parse(String text) {
    return Arrays.stream(values()).filter(kind -> kind.label.equalsIgnoreCase(text.trim())).findFirst();
  }
}
