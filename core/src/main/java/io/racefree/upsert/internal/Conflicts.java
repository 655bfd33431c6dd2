package io.racefree.upsert.internal;

import io.racefree.error.InvalidRequestException;
import io.racefree.error.SerializationFailureException;
import io.racefree.error.UniqueViolationException;
import io.racefree.error.UnsupportedFeatureException;

/**
 * The errors get-or-create raises after a conflict it cannot settle with a row: each names what
 * happened and what to do. Stateless and thread-safe.
 */
final class Conflicts {
  private Conflicts() {}

  /**
   * Fails with the unique violation it is when a row holds the key's values but differs in the
   * lookup's other columns; returns normally when no such row is visible.
   */
  static void failIfKeyRowDiffers(UpsertCall call, KeyInfo key, Reads.Mode mode, RuntimeException cause) {
    if (key.columns().size() == call.lookup().size()) {
      return; // the key is the whole lookup: the lookup read already answered
    }
    if (Reads.find(call, Reads.subset(call.lookup(), key.columns()), mode).isPresent()) {
      throw new UniqueViolationException(call.details(), key.name(),
          "a row with the same " + key.columns() + " exists but does not match the rest of "
              + io.racefree.internal.JdbcHandle.describe(call.lookup()),
          cause);
    }
  }

  static SerializationFailureException invisibleWinner(UpsertCall call, RuntimeException cause) {
    return new SerializationFailureException(call.details(),
        "a concurrent transaction committed the row for " + io.racefree.internal.JdbcHandle.describe(call.lookup())
            + " after this transaction's snapshot; at " + call.tx().isolation()
            + " it stays invisible until the transaction ends",
        "re-run the whole transaction (a RetryPolicy on the outermost transaction does this);"
            + " the next attempt finds the row",
        cause);
  }

  /**
   * After an insert that conflicted on {@code key} found no row of the lookup: the row that differs
   * only outside the key is a unique violation; at a snapshot level where the conflicting row may
   * be one committed after the snapshot, a retryable serialization failure; otherwise the insert is
   * tried again, and after the last round the key itself compares values differently from the
   * lookup's read (a prefix index, citext, a {@code real} or rounded DATETIME key): a unique
   * violation naming the key, not a retryable failure that would fail the same way every time.
   */
  static void afterUnmatchedConflict(UpsertCall call, KeyInfo key, Reads.Mode mode, int round,
      UniqueViolationException conflict) {
    failIfKeyRowDiffers(call, key, mode, conflict);
    if (call.snapshotHidesNewRows() && !call.dialect().insertConflictsOnlyWithVisibleRows()) {
      throw invisibleWinner(call, conflict);
    }
    if (round >= GetOrCreateRun.MAX_CONFLICT_ROUNDS) {
      throw keyEqualityDiffers(call, key, conflict);
    }
  }

  static UniqueViolationException keyEqualityDiffers(UpsertCall call, KeyInfo key, RuntimeException cause) {
    return new UniqueViolationException(call.details(), key.name(),
        "the insert of " + io.racefree.internal.JdbcHandle.describe(call.lookup()) + " conflicts on "
            + key.name() + " " + key.columns() + " with a row no read of the lookup finds, "
            + GetOrCreateRun.MAX_CONFLICT_ROUNDS + " times: the key compares values differently"
            + " from the lookup (a prefix index, a case-insensitive or approximate type, a value the"
            + " column rounds), or rows kept being deleted concurrently",
        cause);
  }

  static InvalidRequestException noCoveringKey(UpsertCall call) {
    return UpsertCall.invalid(call.dialect(), call.task(),
        "requireUniqueKey: no unique key of '" + call.table().name() + "' is covered by the lookup "
            + call.lookup().keySet() + nullNote(call) + "; keys: " + call.keys().describe(),
        "add a unique constraint on the lookup's columns (NULLS NOT DISTINCT if one may be NULL)");
  }

  static UnsupportedFeatureException refused(UpsertCall call, String why) {
    return new UnsupportedFeatureException(call.details(),
        "cannot get-or-create race-free: no unique key of '" + call.table().name()
            + "' covers the lookup " + call.lookup().keySet() + nullNote(call) + ", and " + why,
        "add a unique constraint on the lookup's columns (UNIQUE NULLS NOT DISTINCT if one may be"
            + " NULL), then racefree relies on it; keys now: " + call.keys().describe(),
        null);
  }

  private static String nullNote(UpsertCall call) {
    boolean hasNull = call.lookup().values().stream().anyMatch(java.util.Objects::isNull);
    return hasNull ? " (a NULL in a key column never collides unless the key is NULLS NOT DISTINCT)" : "";
  }

  static boolean isKeyConflict(UniqueViolationException violation, KeyInfo key) {
    return violation.constraintName() == null || key.isNamed(violation.constraintName());
  }
}
