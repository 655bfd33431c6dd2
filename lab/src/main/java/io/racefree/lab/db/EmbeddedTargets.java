package io.racefree.lab.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The default, nothing-to-install targets: an in-process H2 database in memory and an SQLite file
 * in a temporary directory (WAL journal), both removed on close.
 *
 * <p>Not thread-safe: create, use and close from one thread.
 */
public final class EmbeddedTargets implements AutoCloseable {
  private final Path directory;
  private final List<Target> targets;

  public EmbeddedTargets() {
    try {
      directory = Files.createTempDirectory("racefree-lab-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String h2 = "jdbc:h2:mem:racefree_" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=0;NON_KEYWORDS=VALUE";
    String sqlite = "jdbc:sqlite:" + directory.resolve("lab.db");
    targets = List.of(
        new Target("h2", h2, "sa", "", List.of()),
        new Target("sqlite", sqlite, null, null, List.of()));
  }

  public List<Target> targets() {
    return targets;
  }

  @Override
  public void close() {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // A leftover file in the temp directory is harmless.
    }
  }
}
