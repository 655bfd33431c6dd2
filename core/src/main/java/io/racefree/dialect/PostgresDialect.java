package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import io.racefree.tx.Isolation;
import java.util.Set;

/**
 * PostgreSQL. READ UNCOMMITTED runs as READ COMMITTED (PostgreSQL never shows dirty data,
 * https://www.postgresql.org/docs/current/transaction-iso.html). A failed statement aborts the
 * transaction (25P02) unless it ran in a savepoint.
 *
 * <p>Immutable and thread-safe.
 */
public final class PostgresDialect extends Dialect {
  public PostgresDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(
        Set.of(
            INSERT_RETURNING, UPDATE_RETURNING, ON_CONFLICT, UPSERT_REPORTS_INSERTED, SELECT_FOR_UPDATE,
            FOR_NO_KEY_UPDATE, FOR_SHARE, FOR_KEY_SHARE, FOR_UPDATE_OF, NOWAIT, SKIP_LOCKED,
            LIMIT_AFTER_SKIP_LOCKED, LOCK_TIMEOUT_SETTING, TABLE_LOCK,
            ADVISORY_XACT_LOCK, SESSION_NAMED_LOCK, SAVEPOINTS, SERIALIZABLE_SNAPSHOT_ISOLATION,
            FAILED_STATEMENT_ABORTS_TRANSACTION, READ_ONLY_TRANSACTIONS));
    if (version.atLeast(15, 0)) {
      into.add(NULLS_NOT_DISTINCT);
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }

  @Override
  public Isolation effectiveIsolation(Isolation requested) {
    return requested == Isolation.READ_UNCOMMITTED ? Isolation.READ_COMMITTED : requested;
  }

  @Override
  public boolean infersUntypedParameters() {
    return true;
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.ADVISORY;
  }

  @Override
  public String isolationQuery() {
    return "SHOW transaction_isolation";
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.POSTGRESQL;
  }
}
