package io.racefree.lab.soak;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How the soak restarts the database server for the restart fault: a command the user gives, or
 * (in tests) the embedded server the test started. It returns once the restart was set off; the
 * soak then waits until the server takes connections again.
 *
 * <p>Implementations must be thread-safe: the fault injector calls them from its own thread.
 */
@FunctionalInterface
public interface ServerRestart {
  /** Restarts the server; returns a short description of what was done. */
  String restart() throws Exception;

  /** Runs {@code command} with {@code sh -c} and waits for it (2 minutes at most). */
  static ServerRestart command(String command) {
    return () -> {
      Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("'" + command + "' did not finish within 2 minutes");
      }
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (process.exitValue() != 0) {
        throw new IOException("'" + command + "' exited " + process.exitValue()
            + (output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse("")));
      }
      return "ran '" + command + "'";
    };
  }
}
