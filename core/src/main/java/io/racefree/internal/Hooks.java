package io.racefree.internal;

import java.util.List;

/** Runs onCommit hooks: every one, even when an earlier one throws. Stateless. Not API. */
final class Hooks {
  private Hooks() {}

  /** Runs each hook; the first failure is thrown with the later ones suppressed. */
  static void runAll(List<Runnable> hooks) {
    RuntimeException first = null;
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
