package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.upsert.UpdateOrCreateResult;
import java.util.Map;
import java.util.Optional;

/**
 * The update-or-create algorithm: the row is locked on both paths before the updates are applied,
 * so a concurrent update waits instead of being overwritten (Django ticket 29499). PostgreSQL uses
 * {@code UPDATE ... RETURNING} and {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING (xmax =
 * 0)}; the others lock with {@code SELECT ... FOR UPDATE} once the row exists. Stateless and
 * thread-safe.
 */
public final class UpdateOrCreateRun {
  private UpdateOrCreateRun() {}

  /**
   * @param updates checked column values applied to an existing row
   * @param createDefaults checked column values for the insert, suppliers unresolved
   */
  public static UpdateOrCreateResult run(
      UpsertCall call, Map<String, Object> updates, Map<String, Object> createDefaults) {
    if (call.key().isEmpty() && call.options().requireUniqueKey()) {
      throw Conflicts.noCoveringKey(call);
    }
    boolean atomicUpsert = call.key().isPresent() && call.dialect().supports(Feature.UPSERT_REPORTS_INSERTED)
        && !updates.isEmpty() && !Values.anySupplier(updates);
    if (call.tx().autoCommitted() && !atomicUpsert) {
      throw io.racefree.internal.JdbcTransaction.needsTransaction(); // its row lock must outlive a statement
    }
    if (atomicUpsert) {
      return PostgresUpsert.run(call, call.key().get(), updates, createDefaults);
    }
    if (call.key().isEmpty()) {
      return CreatorLock.around(call, () -> {
        Optional<Row> locked = Reads.find(call, call.lookup(), Reads.Mode.UPDATE);
        return locked.isPresent()
            ? applyUpdates(call, locked.get(), updates)
            : new UpdateOrCreateResult(Writes.insert(call, call.rowToCreate(createDefaults)), true, false);
      });
    }
    if (Values.anySupplier(createDefaults) && !GetOrCreateRun.readsFirst(call)) {
      // See GetOrCreateRun: no insert-first when creating calls suppliers.
      return CreatorLock.around(call, () -> {
        Optional<Row> locked = Reads.find(call, call.lookup(), Reads.Mode.UPDATE);
        return locked.isPresent()
            ? applyUpdates(call, locked.get(), updates)
            : throughKey(call, call.key().get(), updates, createDefaults);
      });
    }
    return throughKey(call, call.key().get(), updates, createDefaults);
  }

  private static UpdateOrCreateResult throughKey(UpsertCall call, KeyInfo key,
      Map<String, Object> updates, Map<String, Object> createDefaults) {
    Optional<Row> existing = lockExisting(call);
    if (existing.isPresent()) {
      return applyUpdates(call, existing.get(), updates);
    }
    Map<String, Object> row = call.rowToCreate(createDefaults);
    for (int round = 1; round <= GetOrCreateRun.MAX_CONFLICT_ROUNDS; round++) {
      Writes.Attempt attempt = Writes.insertUnlessKeyTaken(call, row, key);
      Optional<Row> inserted = attempt.inserted();
      if (inserted.isPresent()) {
        return new UpdateOrCreateResult(inserted.get(), true, false);
      }
      Optional<Row> winner = Reads.find(call, call.lookup(), Reads.Mode.UPDATE);
      if (winner.isPresent()) {
        return applyUpdates(call, winner.get(), updates);
      }
      Conflicts.afterUnmatchedConflict(call, key, Reads.Mode.UPDATE, round, attempt.conflict());
    }
    throw new IllegalStateException("unreachable: the last round throws");
  }

  /**
   * The existing row, locked. MariaDB reads plainly first: a locking read of a missing key takes
   * a gap lock that makes concurrent creators deadlock.
   */
  private static Optional<Row> lockExisting(UpsertCall call) {
    if (call.dialect().onlyLockingReadsSeeNewerRows()
        && (!GetOrCreateRun.readsFirst(call)
            || Reads.find(call, call.lookup(), Reads.Mode.PLAIN).isEmpty())) {
      return Optional.empty();
    }
    return Reads.find(call, call.lookup(), Reads.Mode.UPDATE);
  }

  static UpdateOrCreateResult applyUpdates(UpsertCall call, Row locked, Map<String, Object> updates) {
    if (updates.isEmpty()) {
      return new UpdateOrCreateResult(locked, false, false);
    }
    // Suppliers in the updates run here, once the row is locked, so they see its current state.
    return new UpdateOrCreateResult(Writes.update(call, call.lookup(), Values.resolved(updates)), false, true);
  }
}
