package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import java.util.Set;

/**
 * H2 2.x (MVStore). Unquoted identifiers fold to upper case. No RETURNING (generated keys instead),
 * no ON CONFLICT in the default mode; {@code MERGE INTO ... KEY (...)} is the upsert. SERIALIZABLE
 * does not prevent write skew on disjoint inserts (verified on 2.3.232). H2 ignores
 * {@code Connection.setReadOnly}, so racefree refuses read-only transactions on it, and runs READ
 * UNCOMMITTED as READ COMMITTED.
 *
 * <p>Immutable and thread-safe.
 */
public final class H2Dialect extends Dialect {
  /**
   * The dialect of H2 at {@code version}.
   *
   * @param version the server version
   */
  public H2Dialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(
        Set.of(
            MERGE_KEY, NULLS_NOT_DISTINCT, SELECT_FOR_UPDATE, NOWAIT, SKIP_LOCKED,
            LOCK_TIMEOUT_SETTING, SAVEPOINTS));
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.H2;
  }

  @Override
  public boolean keyDetailsOnlyInInformationSchema() {
    return true;
  }

  @Override
  public boolean foldsUnquotedToUpperCase() {
    return true;
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.LOCK_TABLE_ROW;
  }

  /** {@code SET LOCK_TIMEOUT} in milliseconds, for the session. */
  @Override
  public LockWaitSetting lockWaitSetting() {
    return new LockWaitSetting("SELECT LOCK_TIMEOUT()", "SET LOCK_TIMEOUT ?", false, false, false);
  }

  @Override
  public String isolationQuery() {
    return "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()";
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.H2;
  }
}
