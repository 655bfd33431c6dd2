package io.racefree.lab;

import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The connection and isolation options shared by {@code run} and {@code probe}.
 *
 * <p>Filled in by picocli; not thread-safe.
 */
public final class TargetOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "JDBC URL (default: embedded H2 and SQLite, in process). Repeat it once per node"
          + " of a cluster (MariaDB Galera): sessions, threads and processes are spread over the nodes.")
  List<String> urls;

  @Option(names = "--user", paramLabel = "U", description = "Database user.")
  String user;

  @Option(names = "--password", paramLabel = "P", description = "Database password.")
  String password;

  @Option(names = "--isolation", paramLabel = "LEVEL|all", defaultValue = "all",
      description = "READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE or all"
          + " (default: all the database offers).")
  String isolation;

  /** The explicit target, or null for the embedded default. */
  Target explicitTarget() {
    if (urls == null || urls.isEmpty()) {
      return null;
    }
    return Target.of(urls.get(0), user, password).withOtherNodes(urls.subList(1, urls.size()));
  }

  /**
   * Says on {@code err} which user a target without {@code --user} connected as, so nobody wonders
   * whose rights the lab ran with.
   */
  static void sayWhichUser(Target target, io.racefree.lab.db.LabDatabase database, java.io.PrintWriter err) {
    if (target != null && target.user() == null
        && database.engine() != io.racefree.lab.db.Engine.SQLITE) { // SQLite has no users
      err.printf("racefree: no --user given; connected to %s as %s (the driver's default)%n",
          database.label(), database.connectedUser());
      err.flush();
    }
  }

  /** Null for "all", else the single level; a misspelt level is a usage error. */
  Isolation requestedIsolation() {
    if ("all".equalsIgnoreCase(isolation.trim())) {
      return null;
    }
    return Isolation.parse(isolation).orElseThrow(() -> new UsageException(
        "unknown isolation level '" + isolation + "' (use " + Isolation.names() + " or all)"));
  }

  /** The levels to run on an engine: all it offers, or the one requested if it offers it. */
  static List<Isolation> levels(Isolation requested, io.racefree.lab.db.LabDatabase database) {
    if (requested == null) {
      return new ArrayList<>(database.engine().isolations().stream().sorted().toList());
    }
    database.requireIsolation(requested);
    return List.of(requested);
  }
}
