package io.racefree.lab.db;

import io.racefree.lab.UsageException;
import io.racefree.lab.model.DatabaseInfo;
import io.racefree.lab.model.Isolation;
import io.racefree.testing.BlockedSessions;
import io.racefree.testing.SessionProbe;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A connected target with its own private workspace (a fresh schema or database, dropped on
 * close), so that runs never touch other users' tables. Opens session connections and answers
 * whether a session waits on a lock.
 *
 * <p>Thread-safe: {@link #openSession()} and {@link #isWaiting(long)} may be called from any
 * thread; the admin connection is used under this object's lock.
 */
public final class LabDatabase implements AutoCloseable {
  private final Target target;
  private final Engine engine;
  private final Connection admin;
  private final DatabaseInfo info;
  private final String workspace;
  private final boolean ownsWorkspace;
  /** Per node, a connection that watches that node's sessions; one for a single server. */
  private final List<Connection> nodeAdmins = new ArrayList<>();
  private final java.util.Map<SessionProbe, Integer> probeNodes =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  private final java.util.Map<Connection, Integer> sessionNodes =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
  private final java.util.concurrent.atomic.AtomicInteger nextNode = new java.util.concurrent.atomic.AtomicInteger();

  private LabDatabase(Target target, Engine engine, Connection admin, DatabaseInfo info,
      String workspace) {
    this.target = target;
    this.engine = engine;
    this.admin = admin;
    this.info = info;
    this.ownsWorkspace = workspace == null;
    this.workspace = workspace != null ? workspace
        : "rf_lab_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  /**
   * Connects to {@code target} and creates the workspace.
   *
   * @throws UsageException when the URL names no known driver, or the database cannot be reached
   */
  public static LabDatabase open(Target target) {
    return connectTo(target, null);
  }

  /**
   * Connects to the workspace another process created (a stress worker attaching to its
   * parent's tables); closing does not drop it.
   */
  public static LabDatabase attach(Target target, String workspace) {
    return connectTo(target, workspace);
  }

  private static LabDatabase connectTo(Target target, String workspace) {
    Engine urlEngine = Engine.fromUrl(target.url());
    if (urlEngine == null) {
      throw new UsageException("unsupported JDBC URL '" + target.safeUrl() + "' (use jdbc:postgresql:,"
          + " jdbc:mariadb:, jdbc:mysql:, jdbc:h2: or jdbc:sqlite:)");
    }
    Connection admin = connect(target);
    try {
      DatabaseMetaData meta = admin.getMetaData();
      Engine engine = urlEngine.refine(meta.getDatabaseProductVersion());
      DatabaseInfo info = describe(target, engine, admin, meta);
      admin.setAutoCommit(true);
      if (target.nodeUrls().size() > 1) {
        info = ClusterNodes.describe(target, engine, admin, info);
      }
      LabDatabase database = new LabDatabase(target, engine, admin, info, workspace);
      database.nodeAdmins.add(admin);
      for (String url : target.otherNodeUrls()) {
        database.nodeAdmins.add(connect(target, url));
      }
      if (database.ownsWorkspace) {
        database.createWorkspace();
      }
      return database;
    } catch (SQLException e) {
      closeQuietly(admin);
      throw new UsageException("cannot prepare " + target.safeUrl() + ": " + firstLine(e), e);
    }
  }

  /** The private schema or database name, for worker processes to attach to. */
  public String workspace() {
    return workspace;
  }

  /** The target this database was opened from. */
  public Target target() {
    return target;
  }

  /** The user the server says this connection runs as (the driver's default when none was given). */
  public synchronized String connectedUser() {
    try {
      String user = admin.getMetaData().getUserName();
      return user == null || user.isEmpty() ? "(none)" : user;
    } catch (SQLException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
  }

  public Engine engine() {
    return engine;
  }

  public DatabaseInfo info() {
    return info;
  }

  public String label() {
    return info.label();
  }

  /** Fails with a one-line usage error when the engine has no such level. */
  public void requireIsolation(Isolation isolation) {
    if (!engine.offers(isolation)) {
      throw new UsageException(engine.displayName() + " does not offer isolation level "
          + isolation + " (it offers " + engine.isolations() + ")");
    }
  }

  /**
   * A new autocommit connection inside the workspace, with the lab's session settings; on a
   * cluster, on the next node in turn, so two sessions opened one after the other are on different
   * nodes.
   */
  public Connection openSession() throws SQLException {
    List<String> urls = target.nodeUrls();
    int node = Math.floorMod(nextNode.getAndIncrement(), urls.size());
    Connection connection = connect(target, urls.get(node));
    sessionNodes.put(connection, node);
    try (Statement statement = connection.createStatement()) {
      if (urls.size() > 1) {
        // Waits until this node has applied the workspace and tables created on the first node.
        statement.execute(ClusterNodes.CATCH_UP);
      }
      for (String sql : engine.sessionSettings()) {
        statement.execute(sql);
      }
      for (String sql : target.variantSettings()) {
        statement.execute(sql);
      }
      String use = useWorkspaceSql();
      if (use != null) {
        statement.execute(use);
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * On a cluster, waits until {@code session}'s node has applied everything the cluster committed
   * so far (a causal no-op on that session); on a single server does nothing. A session that goes
   * on after another session's commit calls this so that the commit has reached its node, as it
   * has on one server: otherwise replication timing, not the interleaving, decides what it meets.
   */
  /** True when the target is several nodes of a cluster. */
  public boolean spansNodes() {
    return target.nodeUrls().size() > 1;
  }

  public void catchUp(Connection session) throws SQLException {
    if (target.nodeUrls().size() > 1) {
      try (Statement statement = session.createStatement()) {
        statement.execute(ClusterNodes.CATCH_UP);
      }
    }
  }

  /**
   * Identifies a session for {@link #isWaiting}, before its first transaction; null on SQLite,
   * which has no server sessions to watch (its statements end by themselves with SQLITE_BUSY).
   */
  public SessionProbe probe(Connection session) {
    if (engine == Engine.SQLITE) {
      return null;
    }
    SessionProbe probe = SessionProbe.of(session);
    probeNodes.put(probe, sessionNodes.getOrDefault(session, 0));
    return probe;
  }

  /** True when the session waits on a lock held by another (the testing kit's lock views). */
  public synchronized boolean isWaiting(SessionProbe session) {
    return session != null
        && BlockedSessions.isWaiting(nodeAdmins.get(probeNodes.getOrDefault(session, 0)), session);
  }

  /** Runs statements on the admin connection (autocommit), for table setup. */
  public synchronized void execute(String... sqls) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      String use = useWorkspaceSql();
      if (use != null) {
        statement.execute(use);
      }
      for (String sql : sqls) {
        statement.execute(sql);
      }
    }
  }

  /** Reads integer rows on the admin connection, for final-state checks. */
  public synchronized List<long[]> query(String sql) throws SQLException {
    List<long[]> result = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        long[] row = new long[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rows.getLong(i + 1);
        }
        result.add(row);
      }
    }
    return result;
  }

  @Override
  public synchronized void close() {
    String drop = dropWorkspaceSql();
    if (drop != null && ownsWorkspace) {
      // After a server restart (the soak's restart fault) the admin session is gone: use a new one.
      try (Connection dropper = isValid(admin) ? null : connect(target);
          Statement statement = (dropper == null ? admin : dropper).createStatement()) {
        statement.execute(drop);
      } catch (SQLException | UsageException e) {
        // The workspace has a unique name; a failed drop leaves a harmless empty schema behind.
      }
    }
    nodeAdmins.forEach(LabDatabase::closeQuietly);
  }

  private static boolean isValid(Connection connection) {
    try {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void createWorkspace() throws SQLException {
    String create = switch (engine) {
      case POSTGRESQL, H2 -> "CREATE SCHEMA " + workspace;
      case MARIADB, MYSQL -> "CREATE DATABASE " + workspace;
      case SQLITE -> null;
    };
    if (create != null) {
      try (Statement statement = admin.createStatement()) {
        statement.execute(create);
      }
    }
    if (engine == Engine.SQLITE) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("PRAGMA journal_mode = WAL");
      }
    }
  }

  private String useWorkspaceSql() {
    return switch (engine) {
      case POSTGRESQL -> "SET search_path TO " + workspace;
      case H2 -> "SET SCHEMA " + workspace;
      case MARIADB, MYSQL -> "USE " + workspace;
      case SQLITE -> null;
    };
  }

  private String dropWorkspaceSql() {
    return switch (engine) {
      case POSTGRESQL, H2 -> "DROP SCHEMA " + workspace + " CASCADE";
      case MARIADB, MYSQL -> "DROP DATABASE " + workspace;
      case SQLITE -> null;
    };
  }

  private static DatabaseInfo describe(
      Target target, Engine engine, Connection admin, DatabaseMetaData meta) throws SQLException {
    Isolation defaultIsolation = Isolation.ofJdbc(admin.getTransactionIsolation()).orElse(null);
    String label = target.label() != null ? target.label() : engine.name().toLowerCase();
    String variant = target.variantSettings().isEmpty() ? null
        : String.join("; ", target.variantSettings());
    return new DatabaseInfo(label, target.safeUrl(), engine.displayName(),
        meta.getDatabaseProductVersion(), meta.getDriverName(), meta.getDriverVersion(),
        defaultIsolation, variant);
  }

  private static Connection connect(Target target) {
    return connect(target, target.url());
  }

  private static Connection connect(Target target, String url) {
    Properties properties = new Properties();
    if (target.user() != null) {
      properties.setProperty("user", target.user());
    }
    if (target.password() != null) {
      properties.setProperty("password", target.password());
    }
    try {
      DriverManager.setLoginTimeout(10);
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      String who = target.user() == null ? "" : " as " + target.user();
      throw new UsageException("cannot connect to " + target.safeUrl() + who + ": " + firstLine(e), e);
    }
  }

  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is best effort; the connection is unusable either way.
    }
  }
}
