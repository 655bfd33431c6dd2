package io.racefree.lab.scenario;

import io.racefree.lab.model.Isolation;
import io.racefree.lock.Assignments;
import io.racefree.lock.RowUpdate;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.UpsertOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code racefree} strategy under stress: the library's one call for the job, doing the same
 * work as the other strategies' stress calls (no extra read first, no transaction of the caller's
 * around it) at the run's isolation level. Get-or-create is {@code db.getOrCreate} (one read; a
 * new row created in a transaction at the level), update-or-create {@code db.updateOrCreate},
 * a transfer {@code db.updateAll} (both rows in one transaction, locked in key order), the
 * critical section {@code tx.lock} in a transaction at the level. The hard case, the library call
 * inside the caller's own transaction that has already read the table, is {@link
 * LibraryStrategy}, measured as {@code racefree-hard-case}.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class LikeForLike {
  private LikeForLike() {}

  /** The run's level, retried like the library's own calls are by default. */
  static TransactionOptions atLevel(Isolation level) {
    return TransactionOptions.isolation(level.toCore()).withRetry(RetryPolicy.standard());
  }

  static boolean getOrCreate(Actor actor, long key, Isolation level)
      throws CallerFailure, InterruptedException {
    return LibraryStrategy.call(actor, () -> actor.library().getOrCreate("goc", Map.of("k", key),
        Map.of("v", 1), UpsertOptions.defaults(), atLevel(level)).created());
  }

  static boolean updateOrCreate(Actor actor, long key, long value, Isolation level)
      throws CallerFailure, InterruptedException {
    return LibraryStrategy.call(actor, () -> actor.library().updateOrCreate("uoc",
        Map.of("k", key), Map.of("v", value), Map.of("v", value, "w", 0, "version", 0),
        UpsertOptions.defaults(), atLevel(level)).created());
  }

  static void transfer(Actor actor, long from, long to, long amount, Isolation level)
      throws CallerFailure, InterruptedException {
    Map<Long, RowUpdate> updates = new LinkedHashMap<>();
    updates.put(from, RowUpdate.of(Assignments.subtract("balance", amount)));
    updates.put(to, RowUpdate.of(Assignments.add("balance", amount)));
    LibraryStrategy.call(actor,
        () -> actor.library().updateAll("accounts", "id", updates, atLevel(level)));
  }
}
