package io.racefree.lock;

import java.util.Objects;

/**
 * One table to lock and how strongly. Immutable and thread-safe.
 *
 * @param table the table name, checked against the catalog
 * @param mode the strength
 */
public record TableLock(String table, TableLockMode mode) {
  /**
   * Checks that neither part is null.
   *
   * @param table the table, checked against the catalog when the lock is taken
   * @param mode shared or exclusive
   */
  public TableLock {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * A share lock: others may read {@code table} but not write it.
   *
   * @param table the table name
   * @return the lock
   */
  public static TableLock share(String table) {
    return new TableLock(table, TableLockMode.SHARE);
  }

  /**
   * An exclusive lock: others may neither write nor lock {@code table}.
   *
   * @param table the table name
   * @return the lock
   */
  public static TableLock exclusive(String table) {
    return new TableLock(table, TableLockMode.EXCLUSIVE);
  }
}
