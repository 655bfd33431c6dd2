package io.racefree.lock;

import java.util.Objects;

/**
 * One table to lock and how strongly. Immutable and thread-safe.
 *
 * @param table the table name, checked against the catalog
 * @param mode the strength
 */
public record TableLock(String table, TableLockMode mode) {
  public TableLock {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(mode, "mode");
  }

  public static TableLock share(String table) {
    return new TableLock(table, TableLockMode.SHARE);
  }

  public static TableLock exclusive(String table) {
    return new TableLock(table, TableLockMode.EXCLUSIVE);
  }
}
