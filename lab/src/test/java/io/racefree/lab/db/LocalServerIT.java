package io.racefree.lab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lab's own servers, started from the machine's binaries: a restart keeps the data and the
 * port, breaks the sessions open before it, and close leaves neither a process nor a directory.
 */
class LocalServerIT {

  @Test
  @Tag("postgresql")
  void aPostgresqlServerSurvivesARestartAndLeavesNothingBehind() throws Exception {
    survivesARestartAndLeavesNothingBehind(LocalServer.Kind.POSTGRESQL);
  }

  @Test
  @Tag("mariadb")
  void aMariadbServerSurvivesARestartAndLeavesNothingBehind() throws Exception {
    survivesARestartAndLeavesNothingBehind(LocalServer.Kind.MARIADB);
  }

  private static void survivesARestartAndLeavesNothingBehind(LocalServer.Kind kind) throws Exception {
    Assumptions.assumeTrue(LocalServer.unavailableReason(kind).isEmpty(),
        () -> LocalServer.unavailableReason(kind).orElseThrow());
    long startBegan = System.nanoTime();
    LocalServer server = LocalServer.start(kind);
    Path directory = server.directory();
    Target target = server.target();
    int port = portOf(target);
    try {
      report(kind, "started", startBegan);
      assertThat(port).isNotIn(5432, 3306);
      try (Connection before = connect(target); Statement statement = before.createStatement()) {
        statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
        statement.execute("INSERT INTO kept VALUES (1)");

        long restartBegan = System.nanoTime();
        assertThat(server.restart()).contains(String.valueOf(port));
        report(kind, "restarted", restartBegan);

        try (Connection after = connect(target)) { // restart() returns once the server takes connections
          assertThat(count(after)).isEqualTo(1);
        }
        assertThatThrownBy(() -> count(before)).isInstanceOf(SQLException.class);
      }
    } finally {
      server.close();
    }
    assertThat(directory).doesNotExist();
    assertThatThrownBy(() -> probe(port)).isInstanceOf(IOException.class);
    server.close();
  }

  private static Connection connect(Target target) throws SQLException {
    return DriverManager.getConnection(target.url(), target.user(), target.password());
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM kept")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void probe(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }

  private static int portOf(Target target) {
    return URI.create(target.url().substring("jdbc:".length())).getPort();
  }

  private static void report(LocalServer.Kind kind, String what, long beganNanos) {
    System.out.printf("LocalServerIT: %s %s in %d ms%n", kind, what, (System.nanoTime() - beganNanos) / 1_000_000);
  }
}
