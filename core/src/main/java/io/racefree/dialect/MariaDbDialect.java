package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import java.util.Set;

/**
 * MariaDB. Errors are classified by vendor code (SQLState is HY000 for most). RETURNING on INSERT
 * since 10.5, NOWAIT/WAIT since 10.3, SKIP LOCKED since 10.6. {@code innodb_snapshot_isolation}
 * exists from 10.6.18 / 10.11.8 / 11.x (default ON from 11.6,
 * https://mariadb.com/kb/en/innodb-system-variables/#innodb_snapshot_isolation).
 *
 * <p>Immutable and thread-safe.
 */
public class MariaDbDialect extends MySqlFamilyDialect {
  /**
   * The dialect of MariaDB at {@code version}.
   *
   * @param version the server version
   */
  public MariaDbDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(
        Set.of(
            ON_DUPLICATE_KEY_UPDATE, SELECT_FOR_UPDATE, LOCK_IN_SHARE_MODE, LOCK_TIMEOUT_SETTING,
            TABLE_LOCK, SESSION_NAMED_LOCK, SAVEPOINTS, READ_ONLY_TRANSACTIONS));
    if (version.atLeast(10, 5)) {
      into.add(INSERT_RETURNING);
    }
    if (version.atLeast(10, 3)) {
      into.addAll(Set.of(NOWAIT, WAIT_SECONDS, LOCK_TABLES_NOWAIT));
    }
    if (version.atLeast(10, 6)) {
      into.addAll(Set.of(SKIP_LOCKED, LIMIT_AFTER_SKIP_LOCKED));
    }
    if (hasSnapshotIsolationSwitch(version)) {
      into.add(INNODB_SNAPSHOT_ISOLATION);
    }
  }

  private static boolean hasSnapshotIsolationSwitch(ServerVersion v) {
    if (v.major() > 10) {
      return true;
    }
    return (v.minor() == 6 && v.patch() >= 18) || (v.minor() == 11 && v.patch() >= 8) || v.minor() > 11;
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Override
  public String isolationQuery() {
    // MariaDB has no @@transaction_isolation before 11.1; @@tx_isolation works on every version.
    return "SELECT @@tx_isolation";
  }
}
