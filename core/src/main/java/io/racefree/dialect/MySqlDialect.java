package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import java.util.Set;

/**
 * MySQL. No RETURNING. FOR SHARE, OF, NOWAIT and SKIP LOCKED from 8.0. Tested through the MySQL
 * family's shared code paths; racefree's CI runs MariaDB, not MySQL.
 *
 * <p>Immutable and thread-safe.
 */
public final class MySqlDialect extends MySqlFamilyDialect {
  /**
   * The dialect of MySQL at {@code version}.
   *
   * @param version the server version
   */
  public MySqlDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(
        Set.of(
            ON_DUPLICATE_KEY_UPDATE, SELECT_FOR_UPDATE, LOCK_IN_SHARE_MODE, LOCK_TIMEOUT_SETTING,
            TABLE_LOCK, SESSION_NAMED_LOCK, SAVEPOINTS, READ_ONLY_TRANSACTIONS));
    if (version.atLeast(8, 0)) {
      into.addAll(Set.of(FOR_SHARE, FOR_UPDATE_OF, NOWAIT, SKIP_LOCKED, LIMIT_AFTER_SKIP_LOCKED));
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.MYSQL;
  }

  @Override
  public String isolationQuery() {
    return version().atLeast(8, 0) ? "SELECT @@transaction_isolation" : "SELECT @@tx_isolation";
  }
}
