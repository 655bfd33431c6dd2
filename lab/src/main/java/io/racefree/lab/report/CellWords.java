package io.racefree.lab.report;

import io.racefree.lab.model.Observation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import java.util.Locale;
import java.util.Map;

/**
 * The words the markdown report shows for one run: its grade word ({@code pass},
 * {@code interesting}, {@code FAIL}, ...) and, where the grade alone says too little, the short
 * name of its key observation ("dup-key error", "deadlock").
 *
 * <p>Immutable and thread-safe.
 */
record CellWords(Kind kind, String detail) {
  /** What a run amounts to, in the order verdicts list them. */
  enum Kind {
    PASS, SERIALIZED, INTERESTING, FAIL, SKIP, BROKEN
  }

  private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
      Map.entry(Outcomes.DUPLICATE_KEY_ERROR, "dup-key error"),
      Map.entry(Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY, "not found after dup"),
      Map.entry(Outcomes.DUPLICATE_ROWS, "duplicates"),
      Map.entry(Outcomes.CREATED_FLAG_WRONG, "created flag wrong"),
      Map.entry(Outcomes.LOST_UPDATE, "lost update"),
      Map.entry(Outcomes.MONEY_CREATED_OR_DESTROYED, "money changed"),
      Map.entry(Outcomes.HELD_TWICE, "lock held twice"),
      Map.entry(Outcomes.DEADLOCK, "deadlock"),
      Map.entry(Outcomes.SERIALIZATION_FAILURE, "serialization failure"),
      Map.entry(Outcomes.LOCK_TIMEOUT, "lock timeout"),
      Map.entry(Outcomes.BUSY, "SQLITE_BUSY"),
      Map.entry(Outcomes.ABORTED, "transaction aborted"),
      Map.entry(Outcomes.REFUSED_UNSUPPORTED, "refused: unsupported"),
      Map.entry(Outcomes.OTHER_ERROR, "unexpected error"));

  static CellWords of(RunResult run) {
    if (run.status() == RunStatus.SKIPPED) {
      return new CellWords(Kind.SKIP, null);
    }
    if (run.status() != RunStatus.OK || run.grade() == null) {
      return new CellWords(Kind.BROKEN, run.status().name().toLowerCase(Locale.ROOT));
    }
    return switch (run.grade()) {
      case PASSED -> new CellWords(serializedByTheEngine(run) ? Kind.SERIALIZED : Kind.PASS, null);
      case INTERESTING -> new CellWords(Kind.INTERESTING, keyObservation(run));
      case FAILED -> new CellWords(Kind.FAIL, keyObservation(run));
    };
  }

  /** The matrix cell, as docs/lab.md shows it: {@code **FAIL** (dup-key error)}. */
  String matrixCell() {
    return switch (kind) {
      case PASS -> "pass";
      case SERIALIZED -> "serialized";
      case INTERESTING -> "interesting" + bracketed();
      case FAIL -> "**FAIL**" + bracketed();
      case SKIP -> "skip";
      case BROKEN -> detail;
    };
  }

  /** The words a verdict line uses before "on ...": pass, **FAIL**, error to the caller. */
  String verdictWords() {
    return switch (kind) {
      case PASS, SERIALIZED -> "pass";
      case INTERESTING -> "error to the caller";
      case FAIL -> "**FAIL**";
      case SKIP -> "not available";
      case BROKEN -> "the lab could not run it";
    };
  }

  /** What a verdict line says in brackets after the databases, or null. */
  String verdictDetail() {
    return kind == Kind.SERIALIZED ? "the engine ran the callers one after the other" : detail;
  }

  private String bracketed() {
    return detail == null ? "" : " (" + detail + ")";
  }

  private static String keyObservation(RunResult run) {
    Observation key = run.keyObservation();
    if (key == null) {
      return null;
    }
    return SHORT_NAMES.getOrDefault(key.name(), key.name().replace('-', ' '));
  }

  private static boolean serializedByTheEngine(RunResult run) {
    return run.observations().stream()
        .anyMatch(o -> Outcomes.SERIALIZED_BY_ENGINE.equals(o.name()) && o.count() > 0);
  }
}
