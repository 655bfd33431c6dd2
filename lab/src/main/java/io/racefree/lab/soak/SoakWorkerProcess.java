package io.racefree.lab.soak;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.scenario.WorkerJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One worker process of a soak, started with the same jar: its progress read as it runs, its
 * tally once it has ended.
 *
 * <p>Thread-safe: {@link #completed()} may be read from any thread.
 */
final class SoakWorkerProcess {
  private final Process process;
  private final Path errors;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicReference<String> lastLine = new AtomicReference<>("");
  private final Thread reader;

  private SoakWorkerProcess(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    this.reader = new Thread(this::read, "racefree-soak-worker-output");
    reader.setDaemon(true);
    reader.start();
  }

  static SoakWorkerProcess start(LabDatabase database, SoakSettings settings, int index, long untilEpochMillis)
      throws IOException {
    Target target = database.target();
    List<String> command = WorkerJvm.command("soak-worker");
    command.addAll(List.of("--url", target.url(), "--workspace", database.workspace(),
        "--threads", String.valueOf(settings.threads()), "--pool", String.valueOf(settings.poolSize()),
        "--seed", String.valueOf(settings.seed() + index), "--until", String.valueOf(untilEpochMillis),
        "--contrast", String.valueOf(settings.contrast())));
    if (target.user() != null) {
      command.addAll(List.of("--user", target.user()));
    }
    if (target.password() != null && !target.password().isEmpty()) {
      command.addAll(List.of("--password", target.password()));
    }
    Path errors = Files.createTempFile("racefree-soak-worker-", ".log");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    return new SoakWorkerProcess(process, errors);
  }

  /** Calls this worker's callers had completed at its last progress line. */
  long completed() {
    return completed.get();
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(SoakWorker.PROGRESS)) {
          completed.set(Long.parseLong(line.substring(SoakWorker.PROGRESS.length()).trim()));
        } else if (!line.isBlank()) {
          lastLine.set(line);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the exit code and the missing tally say what went wrong
    }
  }

  /**
   * Waits for the worker to end (two minutes after the deadline at most) and reads its tally.
   *
   * @throws IOException when it failed or printed no tally, with the end of its error output
   */
  Acknowledgements.Tally tally() throws IOException, InterruptedException {
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("a soak worker process did not end within 2 minutes of the deadline");
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
      if (process.exitValue() != 0 || !lastLine.get().startsWith("{")) {
        throw new IOException("a soak worker process failed (exit " + process.exitValue() + "): " + errorTail());
      }
      return SoakWorker.tallyFromJson(lastLine.get());
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** Ends the worker if it still runs (the soak failed before collecting it). */
  void stop() {
    process.destroyForcibly();
    try {
      Files.deleteIfExists(errors);
    } catch (IOException ignored) {
      // a leftover log in the temp directory is harmless
    }
  }

  private String errorTail() throws IOException {
    List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
    List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
    return tail.isEmpty() ? "no error output" : String.join(" | ", tail);
  }
}
