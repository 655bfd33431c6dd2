package io.racefree.lab.soak;

import io.racefree.Database;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ConnectionLostException;
import io.racefree.error.RacefreeException;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowUpdate;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One soak caller: racefree's own calls, as an application makes them, on the shared tables:
 * get-or-create of a few hundred keys, increments of a few counters, transfers between a few
 * accounts with a ledger row each, and a job under a named lock.
 *
 * <p>Thread-safe: callers share the tables, the acknowledgements and the lock rooms.
 */
final class SoakCaller {
  static final int ITEM_KEYS = 200;
  static final int COUNTERS = 20;
  static final int ACCOUNTS = 8;
  static final long OPENING_BALANCE = 1_000_000;

  private static final TransactionOptions RETRYING =
      TransactionOptions.defaults().withRetry(RetryPolicy.standard());

  private final Database db;
  private final Acknowledgements told;
  private final List<String> lockNames;

  /** @param lockNames the named locks of this soak (named locks are server-wide: unique per soak) */
  SoakCaller(Database db, Acknowledgements told, List<String> lockNames) {
    this.db = db;
    this.told = told;
    this.lockNames = List.copyOf(lockNames);
  }

  /** Three lock names no other soak on the same server uses. */
  static List<String> lockNames(String workspace) {
    return List.of("soak-job-1-" + workspace, "soak-job-2-" + workspace, "soak-job-3-" + workspace);
  }

  /** One call, chosen at random; whatever it throws is counted, never rethrown. */
  void callOnce(SplittableRandom random) {
    int pick = random.nextInt(100);
    try {
      if (pick < 30) {
        getOrCreate(random.nextLong(ITEM_KEYS));
      } else if (pick < 55) {
        increment(random.nextLong(COUNTERS));
      } else if (pick < 85) {
        transfer(random);
      } else {
        lockedJob(lockNames.get(random.nextInt(lockNames.size())));
      }
      told.completed.incrementAndGet();
    } catch (RacefreeException e) {
      told.error(e);
    } catch (RuntimeException e) {
      told.untyped(e);
    }
  }

  private void getOrCreate(long key) {
    db.getOrCreate("soak_item", Map.of("k", key), Map.of("v", 1));
    told.createdKeys.add(key);
  }

  /** An increment that failed on a lost connection may have committed: counted as unknown. */
  private void increment(long key) {
    try {
      db.updateOrCreate("soak_counter", Map.of("k", key), Assignments.add("n", 1), null);
      told.increment(key);
    } catch (ConnectionLostException e) {
      told.incrementUnknown(key);
      throw e;
    }
  }

  /**
   * Moves money in one transaction with its ledger row; the rows are updated in key order by
   * {@code updateAll}. A transfer whose commit outcome is unknown is settled later by its ledger row.
   */
  private void transfer(SplittableRandom random) {
    long from = 1 + random.nextInt(ACCOUNTS);
    long to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
    long amount = 1 + random.nextInt(100);
    String id = UUID.randomUUID().toString();
    Map<Long, RowUpdate> moves = new LinkedHashMap<>();
    moves.put(from, RowUpdate.of(Assignments.subtract("balance", amount), Guard.atLeast("balance", amount)));
    moves.put(to, RowUpdate.of(Assignments.add("balance", amount)));
    try {
      boolean moved = db.withTransaction(RETRYING, tx -> {
        if (!tx.updateAll("soak_account", "id", moves)) {
          return false;
        }
        tx.insert("soak_ledger", Map.of("id", id, "from_id", from, "to_id", to, "amount", amount));
        return true;
      });
      if (moved) {
        told.transfers.add(id);
      }
    } catch (CommitOutcomeUnknownException e) {
      told.transfersUnknown.add(id);
      throw e;
    } catch (RuntimeException e) {
      told.transfersFailed.put(id, Acknowledgements.describe(e));
      throw e;
    }
  }

  /**
   * A job only one caller may run at a time. The time inside is recorded once the transaction has
   * committed: a caller whose connection died inside lost its lock with it and never finished.
   */
  private void lockedJob(String name) {
    db.useTransaction(RETRYING, tx -> {
      tx.lock(name);
      long entered = System.nanoTime();
      tx.find("soak_item", Map.of("k", 0L));
      long left = System.nanoTime();
      tx.onCommit(() -> told.jobRan(name, entered, left));
    });
  }
}
