package io.racefree.lab.soak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.racefree.lab.db.LabDatabase;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The callers of one worker process of a soak, on the tables the soak prepared: a line
 * {@code calls N} each second while they run, then what they were told as one line of JSON.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class SoakWorker {
  static final String PROGRESS = "calls ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LabDatabase database;

  /** @param database the soak's database, attached to the soak's workspace */
  public SoakWorker(LabDatabase database) {
    this.database = database;
  }

  /**
   * Runs the callers until {@code untilEpochMillis}.
   *
   * @param settings threads, pool size and contrast of this process (faults are the soak's)
   * @param seed the seed of this process's callers
   * @param untilEpochMillis when the soak ends, in wall-clock milliseconds (the soak's deadline)
   * @param out where the progress lines and the JSON go
   */
  public void run(SoakSettings settings, long seed, long untilEpochMillis, PrintWriter out)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(untilEpochMillis - System.currentTimeMillis());
    Acknowledgements told = new Acknowledgements();
    SoakSessions sessions = new SoakSessions(database, true);
    try (SoakCallers callers = SoakCallers.start(sessions, settings, told, SoakCaller.lockNames(database.workspace()),
        seed, deadline)) {
      while (System.nanoTime() < deadline) {
        TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(0, deadline - System.nanoTime())));
        out.println(PROGRESS + told.completed.get());
        out.flush();
      }
      callers.join();
    }
    try {
      out.println(JSON.writeValueAsString(told.tally()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the worker's tally", e);
    }
    out.flush();
  }

  static Acknowledgements.Tally tallyFromJson(String json) throws JsonProcessingException {
    return JSON.readValue(json, Acknowledgements.Tally.class);
  }
}
