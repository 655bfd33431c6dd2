package io.racefree.lab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a lab worker process: this JVM's java and class path (the lab's jar when run
 * with {@code java -jar}) and a hidden subcommand. Stateless.
 */
public final class WorkerJvm {
  private WorkerJvm() {}

  /**
   * The start of a worker's command line; the caller appends the subcommand's options.
   *
   * @param subcommand the hidden subcommand the worker runs
   * @return java, its class path, the lab's main class and the subcommand
   */
  public static List<String> command(String subcommand) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.racefree.lab.RacefreeCommand", subcommand));
  }
}
