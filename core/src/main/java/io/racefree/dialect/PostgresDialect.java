package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import io.racefree.tx.Isolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * PostgreSQL. READ UNCOMMITTED runs as READ COMMITTED (PostgreSQL never shows dirty data,
 * https://www.postgresql.org/docs/current/transaction-iso.html). A failed statement aborts the
 * transaction (25P02) unless it ran in a savepoint.
 *
 * <p>Immutable and thread-safe.
 */
public final class PostgresDialect extends Dialect {
  /**
   * The dialect of PostgreSQL at {@code version}.
   *
   * @param version the server version
   */
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

  /**
   * {@code getIndexInfo} lists {@code INCLUDE} columns with the key columns; {@code indnkeyatts}
   * says how many are keys. {@code indimmediate} is false for a DEFERRABLE constraint.
   */
  @Override
  public IndexShape indexShape(Connection connection, String schema, String table, String index)
      throws SQLException {
    String sql = "SELECT i.indnkeyatts, "
        + (version().atLeast(15, 0) ? "i.indnullsnotdistinct" : "false")
        + ", i.indpred IS NOT NULL, NOT i.indimmediate FROM pg_index i"
        + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relname = ? AND n.nspname = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, index);
      statement.setString(2, schema);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next()
            ? new IndexShape(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4))
            : IndexShape.AS_REPORTED;
      }
    }
  }

  @Override
  public boolean insertConflictsOnlyWithVisibleRows() {
    return true;
  }

  /** PostgreSQL itself runs READ UNCOMMITTED as READ COMMITTED. */
  @Override
  public Isolation serverRuns(Isolation level) {
    return effectiveIsolation(level);
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

  /** {@code lock_timeout} in milliseconds, set with {@code set_config(..., true)}: a SET LOCAL. */
  @Override
  public LockWaitSetting lockWaitSetting() {
    return new LockWaitSetting("SELECT current_setting('lock_timeout')",
        "SELECT set_config('lock_timeout', ?, true)", false, true, true);
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.POSTGRESQL;
  }
}
