package io.racefree.upsert.internal;

import io.racefree.lock.internal.NamedLocks;
import java.util.function.Supplier;

/**
 * Serializes creators of one lookup when no unique key can: a lock on the table and the lookup's
 * values, taken before the read and held until the transaction ends (re-entrant: the same
 * transaction may take it again). The lock's key is computed by the server from each value as the
 * column compares it, so two values the column holds equal ({@code 'cafe'} and {@code 'café'} under
 * {@code utf8mb4_general_ci}, {@code 'java'} and {@code 'JAVA'} under a case-insensitive ICU
 * collation or citext, {@code 1.0} and {@code 1.000}) take the same lock ({@link CreatorLockKeys}).
 *
 * <ul>
 *   <li>PostgreSQL READ COMMITTED: {@code pg_advisory_xact_lock}; the read after it is a new
 *       statement, so it sees the winner's row. REPEATABLE READ and SERIALIZABLE are refused: the
 *       snapshot is older than the lock.
 *   <li>MariaDB/MySQL: {@code GET_LOCK}, released when the transaction ends. Holding it to the end
 *       keeps a transaction that calls twice from waiting on a lock a second creator took in
 *       between, while that creator waits for the first one's row lock (a cycle InnoDB cannot see).
 *   <li>SQLite: nothing to do; the transaction already is the only writer of the database.
 *   <li>H2: refused; it has no lock a transaction can take on a missing row.
 *   <li>MariaDB Galera: GET_LOCK is local to one node. Refused without a unique key; with one, no
 *       lock is taken (suppliers may then run in creators that lose).
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class CreatorLock {
  private CreatorLock() {}

  static <T> T around(UpsertCall call, Supplier<T> body) {
    if (call.dialect().snapshotHidesNewerRows(call.tx().isolation())) {
      throw Conflicts.refused(call, "at " + call.tx().isolation() + " " + call.kind().displayName()
          + " reads from a snapshot taken before any lock could be acquired, so a row committed by a"
          + " concurrent creator stays invisible and would be duplicated (or run at READ COMMITTED)");
    }
    switch (call.dialect().namedLocks()) {
      case DATABASE_WRITE_LOCK:
        return body.get();
      case LOCK_TABLE_ROW:
        throw Conflicts.refused(call, call.kind().displayName() + " has no transaction-scoped lock"
            + " that covers a row that does not exist yet");
      case NONE:
        if (call.key().isPresent()) {
          // Galera: the unique key and certification already let one creator commit; no lock that
          // would hold across nodes exists, so the creators race and the losers retry.
          return body.get();
        }
        // Without a key, falls through to the lock, which Galera refuses.
      default:
        CreatorLockKeys.Key key = CreatorLockKeys.of(call);
        NamedLocks.lockComputedKey(call.tx(), key.sql(), key.parameters(), call.task() + ": lock the lookup");
        return body.get();
    }
  }
}
