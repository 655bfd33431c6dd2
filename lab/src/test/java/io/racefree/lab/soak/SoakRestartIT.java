package io.racefree.lab.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart fault on a PostgreSQL server of the test's own (embedded, so the shared servers are
 * never restarted): stopped and started on the same port and data directory while the callers run.
 * Callers meet typed errors while it is down, the pool reconnects, and every invariant holds.
 */
@Tag("postgresql")
class SoakRestartIT {
  @TempDir Path data;
  private final AtomicReference<EmbeddedPostgres> server = new AtomicReference<>();

  @AfterEach
  void stop() throws Exception {
    if (server.get() != null) {
      server.get().close();
    }
  }

  private EmbeddedPostgres start(int port) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    return (port == 0 ? builder : builder.setPort(port)).start();
  }

  private static void awaitASoakSession(EmbeddedPostgres server) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    try (java.sql.Connection observer = server.getPostgresDatabase().getConnection();
        java.sql.PreparedStatement count = observer.prepareStatement(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE 'racefree-soak-%'")) {
      while (System.nanoTime() < deadline) {
        try (java.sql.ResultSet rows = count.executeQuery()) {
          rows.next();
          if (rows.getLong(1) >= 4) { // the whole pool
            return;
          }
        }
      }
    }
    throw new IllegalStateException("the soak's pool did not reconnect within 30 s of the restart");
  }

  @Test
  void aRestartedServerLosesNothingAndEveryErrorIsTyped() throws Exception {
    server.set(start(0));
    int port = server.get().getPort();
    java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<java.util.concurrent.CompletableFuture<Void>> starting = new java.util.concurrent.CopyOnWriteArrayList<>();
    ServerRestart restart = () -> {
      server.get().close();
      if (restarts.incrementAndGet() == 1) {
        // Like pg_ctlcluster: return only once the whole pool has reconnected; its sessions opened
        // while the restart command still ran must stay known to the soak.
        server.set(start(port));
        awaitASoakSession(server.get());
        return "stopped and started the embedded server on port " + port;
      }
      // Like start-stop-daemon --background: return before the server takes connections again.
      starting.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          server.set(start(port));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
      return "stopped the embedded server on port " + port + " and started it in the background";
    };
    SoakSettings settings = new SoakSettings(14, 8, 4, EnumSet.of(FaultKind.KILL, FaultKind.RESTART), 1, 42);
    SoakResult result;
    try (LabDatabase database = LabDatabase.open(Target.of("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
        "postgres", ""))) {
      result = new SoakRun(database, (what, fraction) -> { }, restart).run(settings);
    }
    starting.forEach(java.util.concurrent.CompletableFuture::join);
    assertThat(restarts).as("both kinds of restart command").hasValueGreaterThanOrEqualTo(2);
    assertThat(result.faults()).extracting(FaultEvent::kind).contains("restart", "kill");
    assertThat(result.faults()).filteredOn(fault -> fault.kind().equals("restart"))
        .allSatisfy(fault -> assertThat(fault.detail()).contains("took connections again"));
    List<Long> restartTimes = result.faults().stream().filter(fault -> fault.kind().equals("restart"))
        .map(FaultEvent::atMillis).toList();
    assertThat(restartTimes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(result.faults()).as("the sessions the pool reopened during the first restart are the soak's too")
        .filteredOn(fault -> fault.kind().equals("kill") && fault.atMillis() > restartTimes.get(0)
            && fault.atMillis() < restartTimes.get(1))
        .isNotEmpty()
        .allSatisfy(fault -> assertThat(fault.detail()).startsWith("killed session"));
    assertThat(result.checks()).allSatisfy(check ->
        assertThat(check.passed()).as("%s: %s", check.name(), check.detail()).isTrue());
    assertThat(result.untypedErrors()).as(result.firstUntypedError()).isZero();
    assertThat(result.errors()).containsKey("CONNECTION_LOST");
  }
}
