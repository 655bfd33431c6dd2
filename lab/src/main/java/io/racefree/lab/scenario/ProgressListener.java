package io.racefree.lab.scenario;

/**
 * Receives progress of long runs (stress), for a progress bar.
 *
 * <p>Implementations are called from the driving thread only.
 */
public interface ProgressListener {
  /** {@code fraction} runs from 0 to 1 over all planned runs. */
  void update(String what, double fraction);
}
