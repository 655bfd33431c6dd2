package io.racefree.testing.db.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The embedded PostgreSQL fallback (zonky), started at most once per JVM and stopped by a
 * shutdown hook. Only touch it after {@link FallbackClasses#requirePostgres()}: it links against
 * zonky. Thread-safe.
 */
final class EmbeddedPostgresServer {
  private static ServerEndpoint endpoint;

  private EmbeddedPostgresServer() {}

  static synchronized ServerEndpoint endpoint() {
    if (endpoint == null) {
      endpoint = start();
    }
    return endpoint;
  }

  private static ServerEndpoint start() {
    long startNanos = System.nanoTime();
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "racefree-embedded-pg-stop"));
      String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
      FallbackClasses.announce("PostgreSQL", url, startNanos);
      return new ServerEndpoint(url, "postgres", "", true);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL fallback", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException ignoredAtShutdown) {
      // the JVM is exiting; the data directory is a temp dir
    }
  }
}
