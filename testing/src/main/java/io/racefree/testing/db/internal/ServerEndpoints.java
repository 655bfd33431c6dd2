package io.racefree.testing.db.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the PostgreSQL and MariaDB servers from the environment (a system property of the same
 * name wins), falling back to an embedded server when the configured one does not answer within
 * two seconds. Thread-safe; each URL is probed once per JVM.
 */
public final class ServerEndpoints {
  private static final int PROBE_TIMEOUT_MILLIS = 2_000;
  private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[a-z0-9]+://([^/:?,]+)(?::(\\d+))?");
  private static final Map<String, Boolean> REACHABLE = new ConcurrentHashMap<>();

  private ServerEndpoints() {}

  public static ServerEndpoint postgres() {
    ServerEndpoint configured = configured("RACEFREE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test",
        "RACEFREE_PG_USER", "postgres", "RACEFREE_PG_PASSWORD");
    if (reachable(configured.jdbcUrl(), 5432)) {
      return configured;
    }
    FallbackClasses.requirePostgres();
    return EmbeddedPostgresServer.endpoint();
  }

  public static ServerEndpoint mariadb() {
    ServerEndpoint configured = configured("RACEFREE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test",
        "RACEFREE_MARIADB_USER", "root", "RACEFREE_MARIADB_PASSWORD");
    return reachable(configured.jdbcUrl(), 3306) ? configured : embeddedMariaDb("jdbc:mariadb:");
  }

  /** MySQL Connector/J against the MariaDB server; same user and password as {@link #mariadb()}. */
  public static ServerEndpoint mysqlDriverOnMariadb() {
    ServerEndpoint configured = configured("RACEFREE_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/test",
        "RACEFREE_MARIADB_USER", "root", "RACEFREE_MARIADB_PASSWORD");
    return reachable(configured.jdbcUrl(), 3306) ? configured : embeddedMariaDb("jdbc:mysql:");
  }

  private static ServerEndpoint embeddedMariaDb(String urlPrefix) {
    FallbackClasses.requireMariaDb();
    return EmbeddedMariaDbServer.endpoint(urlPrefix);
  }

  private static ServerEndpoint configured(String urlVar, String defaultUrl, String userVar,
      String defaultUser, String passwordVar) {
    return new ServerEndpoint(setting(urlVar, defaultUrl), setting(userVar, defaultUser),
        setting(passwordVar, ""), false);
  }

  private static String setting(String name, String defaultValue) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null ? defaultValue : value;
  }

  private static boolean reachable(String url, int defaultPort) {
    return REACHABLE.computeIfAbsent(url, key -> probe(key, defaultPort));
  }

  private static boolean probe(String url, int defaultPort) {
    Matcher hostPort = HOST_PORT.matcher(url);
    if (!hostPort.find()) {
      throw new IllegalArgumentException("cannot find host and port in JDBC URL " + url);
    }
    int port = hostPort.group(2) == null ? defaultPort : Integer.parseInt(hostPort.group(2));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort.group(1), port), PROBE_TIMEOUT_MILLIS);
      return true;
    } catch (IOException unreachable) {
      return false;
    }
  }
}
