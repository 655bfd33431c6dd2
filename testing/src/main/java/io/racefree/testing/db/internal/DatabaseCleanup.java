package io.racefree.testing.db.internal;

/** Drops what a test database created (schema, database, file). */
@FunctionalInterface
public interface DatabaseCleanup {
  void drop() throws Exception;
}
