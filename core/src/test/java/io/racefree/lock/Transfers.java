package io.racefree.lock;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.tx.Isolation;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seed's money transfer, written the four correct ways and the naive way. Each returns true
 * when the transfer committed and false when the source had too little money (nothing written).
 * Every committed transfer writes one row to {@code transfer_log} in the same transaction.
 * Stateless and thread-safe.
 */
final class Transfers {
  /** The correct ways. */
  enum Way { ATOMIC_GUARDED_UPDATES, UPDATE_ALL_IN_KEY_ORDER, ROWS_LOCKED_IN_ORDER, OPTIMISTIC_VERSIONS, SERIALIZABLE_WITH_RETRY }

  private static final RetryPolicy PATIENT =
      RetryPolicy.standard().withMaxAttempts(200).withBackoff(Duration.ofMillis(1), Duration.ofMillis(50));

  private Transfers() {}

  static boolean transfer(Database db, Way way, String key, int from, int to, long amount) {
    return switch (way) {
      case ATOMIC_GUARDED_UPDATES -> db.withTransaction(tx -> atomic(tx, key, from, to, amount));
      case UPDATE_ALL_IN_KEY_ORDER -> db.withTransaction(tx -> updateAll(tx, key, from, to, amount));
      case ROWS_LOCKED_IN_ORDER -> db.withTransaction(tx -> lockedInOrder(tx, key, from, to, amount));
      case OPTIMISTIC_VERSIONS ->
          db.withTransaction(TransactionOptions.defaults().withRetry(PATIENT), tx -> optimistic(tx, key, from, to, amount));
      case SERIALIZABLE_WITH_RETRY ->
          db.withTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(PATIENT),
              tx -> naiveBody(tx, key, from, to, amount));
    };
  }

  /** Two guarded updates, touching the rows in key order; no read at all. */
  private static boolean atomic(Transaction tx, String key, int from, int to, long amount) {
    if (from < to && !debit(tx, from, amount)) {
      return false;
    }
    tx.update("account", Map.of("id", to), Assignments.add("balance", amount), Guard.none());
    if (from > to && !debit(tx, from, amount)) {
      tx.setRollbackOnly();
      return false;
    }
    return log(tx, key, from, to, amount);
  }

  /** The README's transfer: both rows in one deadlock-free call, no read, no retry. */
  static boolean updateAll(Transaction tx, String key, int from, int to, long amount) {
    boolean moved = tx.updateAll("account", "id", Map.of(
        from, RowUpdate.of(Assignments.subtract("balance", amount), Guard.atLeast("balance", amount)),
        to, RowUpdate.of(Assignments.add("balance", amount))));
    return moved && log(tx, key, from, to, amount);
  }

  private static boolean debit(Transaction tx, int from, long amount) {
    return tx.update("account", Map.of("id", from), Assignments.subtract("balance", amount),
        Guard.atLeast("balance", amount)) == 1;
  }

  /** Lock both rows in primary-key order, then read-modify-write them. */
  private static boolean lockedInOrder(Transaction tx, String key, int from, int to, long amount) {
    List<Row> rows = tx.lockRowsInOrder("account", "id", List.of(from, to), RowLock.forUpdate());
    Map<Integer, Long> balances = balances(rows);
    if (balances.get(from) < amount) {
      return false;
    }
    tx.update("account", Map.of("id", from), Map.of("balance", balances.get(from) - amount));
    tx.update("account", Map.of("id", to), Map.of("balance", balances.get(to) + amount));
    return log(tx, key, from, to, amount);
  }

  /** Plain reads, then updates that succeed only if the versions are unchanged; retried if stale. */
  private static boolean optimistic(Transaction tx, String key, int from, int to, long amount) {
    Row source = tx.get("account", Map.of("id", from));
    Row target = tx.get("account", Map.of("id", to));
    if (source.getLong("balance") < amount) {
      return false;
    }
    tx.updateVersioned("account", Map.of("id", from), "version", source.getLong("version"),
        Map.of("balance", source.getLong("balance") - amount));
    tx.updateVersioned("account", Map.of("id", to), "version", target.getLong("version"),
        Map.of("balance", target.getLong("balance") + amount));
    return log(tx, key, from, to, amount);
  }

  /** Read, compute, write absolute values: correct only at SERIALIZABLE with retry. */
  static boolean naiveBody(Transaction tx, String key, int from, int to, long amount) {
    long source = tx.get("account", Map.of("id", from)).getLong("balance");
    long target = tx.get("account", Map.of("id", to)).getLong("balance");
    if (source < amount) {
      return false;
    }
    tx.update("account", Map.of("id", from), Map.of("balance", source - amount));
    tx.update("account", Map.of("id", to), Map.of("balance", target + amount));
    return log(tx, key, from, to, amount);
  }

  private static boolean log(Transaction tx, String key, int from, int to, long amount) {
    tx.insert("transfer_log", Map.of("transfer_key", key, "from_id", from, "to_id", to, "amount", amount));
    return true;
  }

  private static Map<Integer, Long> balances(List<Row> rows) {
    return rows.stream().collect(java.util.stream.Collectors.toMap(
        row -> row.getInt("id"), row -> row.getLong("balance")));
  }
}
