package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.upsert.GetOrCreateResult;
import java.util.Map;
import java.util.Optional;

/**
 * The get-or-create algorithm (see docs/get-or-create.md for the table per database and isolation
 * level). Stateless and thread-safe.
 */
public final class GetOrCreateRun {
  /** Attempts at insert-then-read before concluding that concurrent deletes keep interfering. */
  static final int MAX_CONFLICT_ROUNDS = 3;

  private GetOrCreateRun() {}

  /**
   * @param call the checked call
   * @param defaults column values for the insert only (names checked), suppliers unresolved
   */
  public static GetOrCreateResult run(UpsertCall call, Map<String, Object> defaults) {
    if (call.key().isEmpty() && call.options().requireUniqueKey()) {
      throw Conflicts.noCoveringKey(call);
    }
    boolean suppliers = Values.anySupplier(defaults);
    boolean insertFirst = call.options().insertFirst() && call.key().isPresent() && !suppliers;
    if (call.tx().autoCommitted() && !insertFirst) {
      throw io.racefree.internal.JdbcTransaction.needsTransaction(); // the creator lock must outlive a statement
    }
    if (readsFirst(call) && !insertFirst) {
      Optional<Row> found = Reads.find(call, call.lookup(), Reads.Mode.PLAIN);
      if (found.isPresent()) {
        return new GetOrCreateResult(found.get(), false);
      }
    }
    if (call.key().isPresent() && suppliers && !readsFirst(call)) {
      // Insert-first would call the suppliers for a row that may exist; serialize creators instead.
      return CreatorLock.around(call, () -> Reads.find(call, call.lookup(), Reads.Mode.SHARE)
          .map(row -> new GetOrCreateResult(row, false))
          .orElseGet(() -> throughKey(call, call.key().get(), defaults)));
    }
    if (call.key().isPresent()) {
      return throughKey(call, call.key().get(), defaults);
    }
    return CreatorLock.around(call, () -> {
      Optional<Row> found = Reads.find(call, call.lookup(), lockedReadMode(call));
      return found.map(row -> new GetOrCreateResult(row, false))
          .orElseGet(() -> new GetOrCreateResult(Writes.insert(call, call.rowToCreate(defaults)), true));
    });
  }

  /**
   * MariaDB at SERIALIZABLE turns the first read into a locking read whose gap lock makes two
   * creators deadlock; there the insert goes first, unless the defaults hold suppliers, which must
   * not run when the row exists: then creators are serialized by the creator lock and read first.
   */
  static boolean readsFirst(UpsertCall call) {
    return !call.dialect().plainReadsLock(call.tx().isolation());
  }

  private static GetOrCreateResult throughKey(UpsertCall call, KeyInfo key, Map<String, Object> defaults) {
    Map<String, Object> row = call.rowToCreate(defaults);
    for (int round = 1; round <= MAX_CONFLICT_ROUNDS; round++) {
      Writes.Attempt attempt = Writes.insertUnlessKeyTaken(call, row, key);
      Optional<Row> inserted = attempt.inserted();
      if (inserted.isPresent()) {
        return new GetOrCreateResult(inserted.get(), true);
      }
      Reads.Mode mode = afterConflictMode(call, Reads.Mode.SHARE);
      Optional<Row> winner = Reads.find(call, call.lookup(), mode);
      if (winner.isPresent()) {
        return new GetOrCreateResult(winner.get(), false);
      }
      Conflicts.afterUnmatchedConflict(call, key, mode, round, attempt.conflict());
    }
    throw new IllegalStateException("unreachable: the last round throws");
  }

  /**
   * How to re-read after a conflict so the winner's committed row is seen: a new statement
   * suffices at READ COMMITTED (PostgreSQL, H2) and under SQLite's write lock; MariaDB/MySQL need
   * a locking (current) read at REPEATABLE READ, and it costs nothing at READ COMMITTED.
   */
  static Reads.Mode afterConflictMode(UpsertCall call, Reads.Mode lockingMode) {
    return call.dialect().onlyLockingReadsSeeNewerRows() ? lockingMode : Reads.Mode.PLAIN;
  }

  /** The read under the creator lock: MariaDB must see uncommitted creators, so it locks. */
  static Reads.Mode lockedReadMode(UpsertCall call) {
    return call.dialect().onlyLockingReadsSeeNewerRows() ? Reads.Mode.SHARE : Reads.Mode.PLAIN;
  }
}
