package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import io.racefree.tx.Isolation;
import java.util.Set;

/**
 * SQLite. One writer for the whole database; every transaction is SERIALIZABLE whatever level is
 * asked for (https://www.sqlite.org/isolation.html), which the SQL standard allows. racefree begins
 * transactions with SQL ({@code BEGIN} or {@code BEGIN IMMEDIATE}) because the driver's {@code
 * setAutoCommit(false)} can only issue a deferred {@code BEGIN}. No row locks: a locking read inside
 * a transaction that holds the write lock is already exclusive. RETURNING and upsert since 3.35.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqliteDialect extends Dialect {
  public SqliteDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(Set.of(SAVEPOINTS, SINGLE_WRITER, TABLE_LOCK, READ_ONLY_TRANSACTIONS));
    if (version.atLeast(3, 35)) {
      into.addAll(Set.of(INSERT_RETURNING, UPDATE_RETURNING, ON_CONFLICT));
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  public Isolation effectiveIsolation(Isolation requested) {
    return Isolation.SERIALIZABLE;
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.DATABASE_WRITE_LOCK;
  }

  @Override
  public String isolationQuery() {
    return null;
  }

  @Override
  public boolean hasSchemas() {
    return false;
  }

  @Override
  public boolean controlsTransactionsWithSql() {
    return true;
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.SQLITE;
  }
}
