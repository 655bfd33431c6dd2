package io.racefree.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineErrorsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run racefree(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RacefreeCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertOneLineError(Run run, String fragment) {
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err().strip()).doesNotContain("\n").contains(fragment)
        .doesNotContain("Exception").startsWith("racefree: ");
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    assertOneLineError(racefree("run", "--frobnicate"), "--frobnicate");
  }

  @Test
  void soakWithAnUnknownFaultOrDurationIsOneLineAndExitTwo() {
    assertOneLineError(racefree("soak", "--faults", "kill,flood", "--out", dir.toString()), "unknown fault 'flood'");
    assertOneLineError(racefree("soak", "--duration", "ten minutes", "--out", dir.toString()),
        "--duration 'ten minutes' is not a time");
    assertOneLineError(racefree("soak", "--threads", "0", "--out", dir.toString()), "at least 1");
    assertOneLineError(racefree("soak", "--processes", "0", "--out", dir.toString()), "at least 1");
  }

  @Test
  void soakDurationsTakeSecondsOrMinutes() {
    assertThat(SoakCommand.seconds("90")).isEqualTo(90);
    assertThat(SoakCommand.seconds("90s")).isEqualTo(90);
    assertThat(SoakCommand.seconds("10m")).isEqualTo(600);
  }

  @Test
  void unknownScenarioIsOneLineAndExitTwo() {
    assertOneLineError(racefree("run", "--scenario", "no-such-scenario", "--duration", "0"),
        "no scenario matches 'no-such-scenario'");
  }

  @Test
  void misspeltIsolationIsOneLineAndExitTwo() {
    assertOneLineError(racefree("probe", "--isolation", "SNAPSHOT", "--out", dir.toString()),
        "unknown isolation level 'SNAPSHOT'");
  }

  @Test
  void unreachableUrlIsOneLineAndExitTwo() {
    assertOneLineError(racefree("probe", "--url", "jdbc:postgresql://127.0.0.1:1/test",
        "--user", "postgres", "--out", dir.toString()), "cannot connect to");
  }

  @Test
  void unknownUrlSchemeIsOneLineAndExitTwo() {
    assertOneLineError(racefree("probe", "--url", "jdbc:oracle:thin:@x", "--out",
        dir.toString()), "unsupported JDBC URL");
  }

  @Test
  void isolationTheDatabaseLacksIsOneLineAndExitTwo() {
    String url = "jdbc:sqlite:" + dir.resolve("lab.db");
    assertOneLineError(racefree("probe", "--url", url, "--isolation", "READ_COMMITTED",
        "--out", dir.toString()), "SQLite does not offer isolation level READ_COMMITTED");
  }

  @Test
  void missingResultsFileIsOneLineAndExitTwo() {
    assertOneLineError(racefree("report", dir.resolve("nope.json").toString()),
        "no such results file");
  }

  @Test
  void listNamesEveryScenarioStrategyAndAnomalyWithTheThreadItComesFrom() {
    Run run = racefree("list");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("get-or-create-unique", "from 000,001,003",
        "select-for-update-ordered", "serializable-retry", "racefree", "G2-item", "OTV",
        "Django ticket #29499", "Django's code, 000, 004")
        .doesNotContain("seed", "anchors (b)");
  }

  @Test
  void aUrlWithoutUserSaysWhichUserTheDriverConnectedAs() {
    Run run = racefree("probe", "--url", "jdbc:h2:mem:lab_user_" + System.nanoTime(),
        "--isolation", "READ_COMMITTED", "--out", dir.toString());
    assertThat(run.err()).contains("no --user given; connected to h2 as ");
    Run withUser = racefree("probe", "--url", "jdbc:h2:mem:lab_user_" + System.nanoTime(),
        "--user", "sa", "--isolation", "READ_COMMITTED", "--out", dir.toString());
    assertThat(withUser.err()).doesNotContain("no --user given");
  }

  @Test
  void runWithAUrlButNoUserSaysWhichUserTheDriverConnectedAs() {
    Run run = racefree("run", "--url", "jdbc:h2:mem:lab_run_user_" + System.nanoTime(),
        "--scenario", "transfer", "--strategy", "optimistic-version", "--isolation",
        "READ_COMMITTED", "--duration", "0", "--out", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("no --user given; connected to h2 as ");
    assertThat(run.out()).contains("transfer / optimistic-version");
    Run withUser = racefree("run", "--url", "jdbc:h2:mem:lab_run_user_" + System.nanoTime(),
        "--user", "sa", "--scenario", "transfer", "--strategy", "optimistic-version",
        "--isolation", "READ_COMMITTED", "--duration", "0", "--out", dir.toString());
    assertThat(withUser.err()).doesNotContain("no --user given");
  }
}
