package io.racefree.lab.db;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL or MariaDB server the lab starts itself from the machine's installed Debian
 * binaries, on a free 127.0.0.1 port with its data in a new temporary directory, so that the soak's
 * restart fault never touches the machine's own servers. As root, the server runs as the
 * {@code postgres} or {@code mysql} OS user. A server not closed is stopped when the JVM exits.
 *
 * <p>Thread-safe: {@link #restart()} and {@link #close()} may be called from any thread; they run
 * one at a time.
 */
public final class LocalServer implements AutoCloseable {
  /** The servers this machine's Debian packages can provide. */
  public enum Kind {
    /** PostgreSQL, the newest version under {@code /usr/lib/postgresql}. */
    POSTGRESQL("postgresql", "PostgreSQL"),
    /** MariaDB, {@code /usr/sbin/mariadbd}. */
    MARIADB("mariadb", "MariaDB");

    private final String label;
    private final String displayName;

    Kind(String label, String displayName) {
      this.label = label;
      this.displayName = displayName;
    }
  }

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 20;
  private static final Path POSTGRESQL_VERSIONS = Path.of("/usr/lib/postgresql");
  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
  private static final Path MARIADB_INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  // Small and fast; also given to mariadb-install-db, so the first start need not resize the redo log.
  private static final List<String> INNODB_OPTIONS = List.of(
      "--innodb_buffer_pool_size=64M", "--innodb_log_file_size=48M", "--innodb_flush_log_at_trx_commit=2");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Kind kind;
  private final Path directory;
  private final int port;
  private final Thread stopOnExit = new Thread(this::close, "racefree-local-server-stop");
  private Process server;
  private boolean closed;

  private LocalServer(Kind kind, Path directory, int port) {
    this.kind = kind;
    this.directory = directory;
    this.port = port;
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Why this machine cannot start a server of this kind (a binary or an OS user is missing), or
   * empty when it can.
   *
   * @param kind the server wanted
   * @return why not, or empty
   */
  public static Optional<String> unavailableReason(Kind kind) {
    List<Path> binaries = switch (kind) {
      case POSTGRESQL -> newestPostgresqlBin()
          .map(bin -> List.of(bin.resolve("initdb"), bin.resolve("postgres")))
          .orElse(List.of(POSTGRESQL_VERSIONS.resolve("<version>/bin/postgres")));
      case MARIADB -> List.of(MARIADBD, MARIADB_INSTALL_DB);
    };
    for (Path binary : binaries) {
      if (!Files.isExecutable(binary)) {
        return Optional.of("a local " + kind.displayName + " needs " + binary + ", which is missing");
      }
    }
    if (ROOT && !Files.isExecutable(SETPRIV)) {
      return Optional.of("a local " + kind.displayName + " started as root needs " + SETPRIV + ", which is missing");
    }
    if (ROOT && !osUserExists(serverOsUser(kind))) {
      return Optional.of("a local " + kind.displayName + " started as root runs as the OS user "
          + serverOsUser(kind) + ", which does not exist");
    }
    return Optional.empty();
  }

  /**
   * Initialises a data directory in a new temporary directory, starts the server on a free
   * 127.0.0.1 port, waits until it accepts connections (at most 60 s) and creates database
   * {@code test}.
   *
   * @param kind the server to start
   * @return the running server
   * @throws IOException when this machine cannot start one or the server did not come up; the
   *     message has the tail of the server's log
   */
  public static LocalServer start(Kind kind) throws IOException {
    Optional<String> unavailable = unavailableReason(kind);
    if (unavailable.isPresent()) {
      throw new IOException(unavailable.get());
    }
    int port = freePort();
    LocalServer local = new LocalServer(kind, Files.createTempDirectory("racefree-" + kind.label + "-"), port);
    try {
      local.boot();
      return local;
    } catch (InterruptedException e) {
      local.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while starting " + local.description());
    } catch (IOException | RuntimeException | Error e) {
      local.close();
      throw e;
    }
  }

  /**
   * The lab target of this server: label {@code postgresql} (user {@code postgres}) or
   * {@code mariadb} (user {@code root}), database {@code test}, no password.
   *
   * @return the target
   */
  public Target target() {
    return new Target(kind.label, url("test"), adminUser(), "", List.of());
  }

  /**
   * Stops the server with a fast shutdown and starts it again on the same port and data
   * directory; returns once it accepts connections again. Sessions open before are broken.
   *
   * @return what was done, such as {@code restarted the lab's PostgreSQL on port 41234}
   * @throws IOException when the server did not come back; the message has the tail of its log
   * @throws InterruptedException when interrupted while waiting for the server to stop or start
   * @throws IllegalStateException when this server has been closed
   */
  public synchronized String restart() throws IOException, InterruptedException {
    if (closed) {
      throw new IllegalStateException(description() + " is closed");
    }
    stopServer();
    launch();
    awaitReady();
    return "restarted " + description();
  }

  /**
   * Stops the server (a fast shutdown signal to its process: SIGINT for PostgreSQL, whose SIGTERM
   * would wait for every client to leave, SIGTERM for MariaDB; SIGKILL after 20 s) and deletes its
   * directory. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopServer();
    } catch (InterruptedException e) {
      killServer();
      Thread.currentThread().interrupt();
    }
    deleteDirectory();
    forgetShutdownHook();
  }

  /** The temporary directory with the server's data, socket and log; for tests. */
  Path directory() {
    return directory;
  }

  private synchronized void boot() throws IOException, InterruptedException {
    Files.createDirectories(dataDirectory());
    Files.createDirectories(directory.resolve("tmp"));
    if (ROOT) {
      run(List.of("chown", "-R", serverOsUser(kind) + ":", directory.toString()), "init.log");
    }
    run(initialiseCommand(), "init.log");
    launch();
    awaitReady();
    createTestDatabase();
  }

  private List<String> initialiseCommand() {
    return switch (kind) {
      case POSTGRESQL -> asServerOsUser(List.of(postgresqlBin().resolve("initdb").toString(),
          "-D", dataDirectory().toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"));
      case MARIADB -> withMariadbUser(concat(List.of(MARIADB_INSTALL_DB.toString(), "--no-defaults",
          "--datadir=" + dataDirectory(), "--auth-root-authentication-method=normal", "--skip-test-db"), INNODB_OPTIONS));
    };
  }

  private List<String> serverCommand() {
    return switch (kind) {
      case POSTGRESQL -> asServerOsUser(List.of(postgresqlBin().resolve("postgres").toString(),
          "-D", dataDirectory().toString(), "-p", String.valueOf(port), "-k", directory.toString(),
          "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"));
      case MARIADB -> withMariadbUser(concat(List.of(MARIADBD.toString(), "--no-defaults",
          "--datadir=" + dataDirectory(), "--socket=" + directory.resolve("mysqld.sock"),
          "--pid-file=" + directory.resolve("mysqld.pid"), "--tmpdir=" + directory.resolve("tmp"),
          "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve"), INNODB_OPTIONS));
    };
  }

  // setpriv execs the server in place, so the process Java started is the server itself.
  private List<String> asServerOsUser(List<String> command) {
    if (!ROOT) {
      return command;
    }
    return concat(List.of(SETPRIV.toString(), "--reuid=" + serverOsUser(kind), "--regid=" + serverOsUser(kind),
        "--init-groups", "--"), command);
  }

  // mariadbd and mariadb-install-db switch to the user themselves.
  private static List<String> withMariadbUser(List<String> command) {
    if (!ROOT) {
      return command;
    }
    List<String> switched = new ArrayList<>(command);
    switched.add(2, "--user=mysql");
    return switched;
  }

  private void launch() throws IOException {
    server = new ProcessBuilder(serverCommand())
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
        .start();
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    SQLException lastRefusal = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException(description() + " exited with status " + server.exitValue()
            + " while starting; its log ends with:\n" + logTail(serverLog()));
      }
      try {
        openAdminConnection().close();
        return;
      } catch (SQLException notYet) {
        lastRefusal = notYet;
      }
      // A starting server has no event to wait on; this is a readiness poll, not a test's interleaving.
      Thread.sleep(100);
    }
    throw new IOException(description() + " did not accept connections within " + READY_TIMEOUT.toSeconds()
        + " s (last: " + lastRefusal + "); its log ends with:\n" + logTail(serverLog()));
  }

  private void createTestDatabase() throws IOException {
    try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE test");
    } catch (SQLException e) {
      throw new IOException("could not create database test on " + description() + ": " + e.getMessage()
          + "; its log ends with:\n" + logTail(serverLog()), e);
    }
  }

  private Connection openAdminConnection() throws SQLException {
    return switch (kind) {
      case POSTGRESQL -> DriverManager.getConnection(url("postgres") + "?connectTimeout=2", adminUser(), "");
      case MARIADB -> DriverManager.getConnection(url("") + "?connectTimeout=2000", adminUser(), "");
    };
  }

  private String url(String database) {
    return "jdbc:" + kind.label + "://127.0.0.1:" + port + "/" + database;
  }

  private String adminUser() {
    return kind == Kind.POSTGRESQL ? "postgres" : "root";
  }

  private void stopServer() throws InterruptedException {
    if (server == null || !server.isAlive()) {
      return;
    }
    sendFastShutdownSignal();
    if (!server.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      killServer();
    }
  }

  private void sendFastShutdownSignal() {
    if (kind == Kind.MARIADB) {
      server.destroy();
      return;
    }
    try {
      run(List.of("kill", "-INT", String.valueOf(server.pid())), "stop.log");
    } catch (IOException | InterruptedException e) {
      // Already gone, or the signal could not be sent: the grace period ends in SIGKILL either way.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void killServer() {
    if (server == null) {
      return;
    }
    server.descendants().forEach(ProcessHandle::destroyForcibly);
    server.destroyForcibly();
    try {
      server.waitFor(KILL_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless; a server left running is what must not happen.
    }
  }

  private void forgetShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // Closed by the hook itself, or during shutdown: nothing to forget.
    }
  }

  private void run(List<String> command, String logName) throws IOException, InterruptedException {
    Path log = directory.resolve(logName);
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      int status = process.waitFor();
      if (status != 0) {
        throw new IOException(String.join(" ", command) + " failed with status " + status
            + "; its output ends with:\n" + logTail(log));
      }
    } finally {
      process.destroyForcibly();
    }
  }

  private Path dataDirectory() {
    return directory.resolve("data");
  }

  private Path serverLog() {
    return directory.resolve("server.log");
  }

  private String description() {
    return "the lab's " + kind.displayName + " on port " + port;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String serverOsUser(Kind kind) {
    return kind == Kind.POSTGRESQL ? "postgres" : "mysql";
  }

  private static boolean osUserExists(String name) {
    try (Stream<String> users = Files.lines(Path.of("/etc/passwd"))) {
      return users.anyMatch(line -> line.startsWith(name + ":"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Path postgresqlBin() {
    return newestPostgresqlBin().orElseThrow(() -> new IllegalStateException("no PostgreSQL under " + POSTGRESQL_VERSIONS));
  }

  private static Optional<Path> newestPostgresqlBin() {
    if (!Files.isDirectory(POSTGRESQL_VERSIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(POSTGRESQL_VERSIONS)) {
      return versions
          .filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)*"))
          .filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
          .max(Comparator.comparing(version -> Runtime.Version.parse(version.getFileName().toString())))
          .map(version -> version.resolve("bin"));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
