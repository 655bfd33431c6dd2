package io.racefree.lab;

import io.racefree.lab.scenario.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for stress runs, drawn only on a terminal.
 *
 * <p>Not thread-safe: call from the thread that drives the runs.
 */
final class Progress implements ProgressListener, AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean terminal;
  private boolean drawn;

  Progress(PrintWriter err) {
    this.err = err;
    this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public void update(String what, double fraction) {
    if (!terminal) {
      return;
    }
    int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String line = String.format("\r[%s] %3.0f%% %-60.60s", bar, fraction * 100, what);
    err.print(line);
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
