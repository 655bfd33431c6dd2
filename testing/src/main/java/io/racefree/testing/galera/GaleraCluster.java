package io.racefree.testing.galera;

import io.racefree.testing.TestingSqlException;
import io.racefree.testing.db.internal.Drivers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * A MariaDB Galera cluster of three nodes on 127.0.0.1, started from the Debian packages
 * ({@code mariadb-server}, which brings {@code galera-4}, {@code rsync} and {@code socat}) the first
 * time a test asks for it and shared by every test of the JVM; stopped by PID (SIGTERM, then SIGKILL
 * after a grace period) when the JVM exits. Nodes run as the {@code mysql} user (as root the
 * joiners' rsync state transfer fails), on free ports, with their data in a temporary directory that
 * is deleted at the end. Root without a password, database {@code test}.
 *
 * <p>{@link #shared()} is thread-safe; the cluster is immutable once started.
 */
public final class GaleraCluster {
  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);
  private static final int NODES = 3;

  private static GaleraCluster shared;
  private static String unavailable;

  private final Path base;
  private final List<Node> nodes = new ArrayList<>();

  /** One node: its SQL port and the mariadbd process racefree's fixture started. */
  public record Node(int index, int port, Process process) {
    /**
     * A JDBC URL of this node.
     *
     * @param database the database to connect to
     * @return the URL, for MariaDB Connector/J
     */
    public String jdbcUrl(String database) {
      return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }
  }

  private GaleraCluster(Path base) {
    this.base = base;
  }

  /**
   * Why no cluster can be started here (packages missing, not root, no {@code mysql} user), or
   * empty when one can. Tests skip with this reason.
   *
   * @return why not, or empty
   */
  public static synchronized Optional<String> unavailableReason() {
    if (unavailable != null) {
      return Optional.of(unavailable);
    }
    for (Path needed : List.of(MARIADBD, INSTALL_DB, PROVIDER, Path.of("/usr/bin/rsync"))) {
      if (!Files.isExecutable(needed) && !Files.isRegularFile(needed)) {
        return Optional.of("Galera tests need the Debian package mariadb-server with galera-4: " + needed + " is missing");
      }
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("Galera tests start mariadbd as the mysql user, which needs root");
    }
    return Optional.empty();
  }

  /**
   * The cluster of this JVM, started on first use (about 10 s).
   *
   * @return the cluster of this JVM, started on first use (about 10 s)
   */
  public static synchronized GaleraCluster shared() {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new IllegalStateException(reason.get());
    }
    if (shared == null) {
      try {
        GaleraCluster cluster = new GaleraCluster(Files.createTempDirectory("racefree-galera"));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "racefree-galera-stop"));
        shared = cluster;
        cluster.start();
      } catch (RuntimeException | IOException e) {
        unavailable = "the Galera cluster did not start: " + e;
        if (shared != null) {
          shared.stop();
        }
        throw new IllegalStateException(unavailable, e);
      }
    }
    return shared;
  }

  /**
   * The nodes, in index order.
   *
   * @return the nodes
   */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * One node.
   *
   * @param index the node's index, 0-based
   * @return the node
   */
  public Node node(int index) {
    return nodes.get(index);
  }

  /**
   * A new connection to node {@code index} (0-based), database {@code test}.
   *
   * @param index the node's index, 0-based
   * @return a new connection
   * @throws java.sql.SQLException when the node cannot be reached
   */
  public Connection connect(int index) throws SQLException {
    return Drivers.open(node(index).jdbcUrl("test"), "root", "");
  }

  private void start() throws IOException {
    int[] ports = freePorts(NODES * 4);
    String cluster = "gcomm://" + String.join(",",
        List.of("127.0.0.1:" + ports[NODES], "127.0.0.1:" + ports[NODES + 1], "127.0.0.1:" + ports[NODES + 2]));
    Path first = nodeDir(0);
    run(List.of(INSTALL_DB.toString(), "--no-defaults", "--user=mysql", "--datadir=" + first.resolve("data"),
        "--auth-root-authentication-method=normal", "--skip-test-db"));
    for (int i = 0; i < NODES; i++) {
      Path dir = nodeDir(i);
      List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--user=mysql",
          "--datadir=" + dir.resolve("data"), "--socket=" + dir.resolve("mysqld.sock"),
          "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("error.log"),
          "--port=" + ports[i], "--bind-address=127.0.0.1", "--skip-name-resolve",
          "--tmpdir=" + dir.resolve("tmp"), "--binlog_format=ROW", "--default_storage_engine=InnoDB",
          "--innodb_autoinc_lock_mode=2", "--innodb_buffer_pool_size=64M", "--innodb_log_file_size=48M",
          "--innodb_flush_log_at_trx_commit=2", "--wsrep_on=ON", "--wsrep_provider=" + PROVIDER,
          "--wsrep_cluster_name=racefree_test", "--wsrep_node_name=n" + (i + 1),
          "--wsrep_node_address=127.0.0.1", "--wsrep_cluster_address=" + cluster,
          "--wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:" + ports[NODES + i]
              + ";ist.recv_addr=127.0.0.1:" + ports[2 * NODES + i] + ";gcache.size=16M",
          "--wsrep_sst_method=rsync", "--wsrep_sst_receive_address=127.0.0.1:" + ports[3 * NODES + i],
          "--wsrep_slave_threads=2"));
      if (i == 0) {
        command.add("--wsrep-new-cluster");
      }
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile())
          .start();
      nodes.add(new Node(i, ports[i], process));
      if (i == 0) {
        waitSynced(nodes.get(0));
        try (Connection connection = Drivers.open("jdbc:mariadb://127.0.0.1:" + ports[0] + "/", "root", "");
            Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE IF NOT EXISTS test");
        } catch (SQLException e) {
          throw new TestingSqlException("could not create database test on the first Galera node", e);
        }
      }
    }
    for (int i = 1; i < NODES; i++) {
      waitSynced(nodes.get(i));
    }
  }

  private Path nodeDir(int index) throws IOException {
    Path dir = base.resolve("n" + (index + 1));
    Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("tmp"));
    run(List.of("chown", "-R", "mysql:mysql", base.toString()));
    return dir;
  }

  private void waitSynced(Node node) {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    String state = "not answering";
    while (System.nanoTime() < deadline) {
      if (!node.process().isAlive()) {
        throw new IllegalStateException("Galera node " + (node.index() + 1) + " exited; see "
            + base.resolve("n" + (node.index() + 1)).resolve("error.log"));
      }
      try (Connection connection = Drivers.open("jdbc:mariadb://127.0.0.1:" + node.port() + "/?connectTimeout=1000", "root", "");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'")) {
        state = rows.next() ? rows.getString(2) : "unknown";
        if ("Synced".equals(state)) {
          return;
        }
      } catch (SQLException notYet) {
        state = notYet.getMessage();
      }
      pause();
    }
    throw new IllegalStateException("Galera node " + (node.index() + 1) + " not Synced after " + SYNC_TIMEOUT + ": " + state);
  }

  // Polling a starting server has no event to wait on; this is not a test's interleaving.
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Galera cluster", e);
    }
  }

  /** Stops every node by its PID (SIGTERM, SIGKILL after 30 s) and deletes the data. Idempotent. */
  public synchronized void stop() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).process().destroy();
    }
    for (Node node : nodes) {
      try {
        if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
          node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        node.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    nodes.clear();
    deleteQuietly(base);
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temporary directory is harmless; the processes are what must not stay.
    }
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
