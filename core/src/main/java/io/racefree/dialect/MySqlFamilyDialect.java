package io.racefree.dialect;

import io.racefree.tx.Isolation;

/**
 * What MariaDB and MySQL share: backquoted identifiers, the database as the JDBC catalog, GET_LOCK
 * named locks, and InnoDB's reads (consistent reads that keep their snapshot, current reads that
 * lock, plain reads that lock at SERIALIZABLE). Immutable and thread-safe.
 */
abstract class MySqlFamilyDialect extends Dialect {
  MySqlFamilyDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected char quoteChar() {
    return '`';
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.GET_LOCK;
  }

  @Override
  public boolean onlyLockingReadsSeeNewerRows() {
    return true;
  }

  @Override
  public boolean plainReadsLock(Isolation isolation) {
    return isolation == Isolation.SERIALIZABLE;
  }

  @Override
  public boolean tableLocksAreLockTablesStatements() {
    return true;
  }

  /** MySQL has no {@code DEFAULT VALUES}: {@code INSERT INTO t () VALUES ()}. */
  @Override
  public String insertDefaultsSql(String tableSql) {
    return "INSERT INTO " + tableSql + " () VALUES ()";
  }

  /** {@code innodb_lock_wait_timeout} in whole seconds, for the session. */
  @Override
  public LockWaitSetting lockWaitSetting() {
    return new LockWaitSetting("SELECT @@SESSION.innodb_lock_wait_timeout",
        "SET SESSION innodb_lock_wait_timeout = ?", true, false, false);
  }

  @Override
  public boolean catalogIsDatabase() {
    return true;
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.MYSQL_FAMILY;
  }
}
