package io.racefree.bench.workload;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.harness.Tally;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import io.racefree.testing.Engine;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.UpsertOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The racefree side of each workload, through the public API only, each in a transaction with the
 * standard retry policy whose listener counts retries. Stateless.
 */
final class RacefreeCalls {
  static final String GET_OR_CREATE = "db.getOrCreate(\"item\", {k}, {}, retry standard)";
  static final String GET_OR_CREATE_INSERT_FIRST =
      "db.getOrCreate(\"item\", {k}, {}, insert-first, retry standard): for mostly new keys";
  static final String UPDATE_OR_CREATE = "db.updateOrCreate(\"item\", {k}, {v}, null, retry standard)";
  static final String BULK = "db.withTransaction(retry standard, tx -> tx.getOrCreateAll(\"item\", 1000 lookups))";
  static final String TRANSFER = "db.withTransaction(retry standard, tx -> tx.update(account, {id}, "
      + "subtract(balance, amount), atLeast(balance, amount)); tx.update(..., add(balance, amount))) in id order";
  static final String LOCKED_TRANSFER = "db.withTransaction(retry standard, tx -> tx.lockRowsInOrder(account, id, "
      + "[from, to], forUpdate()); tx.update(account, {id}, {balance}) x2)";
  static final String UPDATE_ALL_TRANSFER = "db.withTransaction(retry standard, tx -> tx.updateAll(account, id, "
      + "{from: subtract(balance, amount) if balance >= amount, to: add(balance, amount)}))";
  static final String SESSION_LOCK = "db.withLock(name, session -> ...)";
  static final String TRANSACTION_LOCK = "db.withTransaction(tx -> { tx.lock(name); ... })";

  private RacefreeCalls() {}

  static TransactionOptions retrying(Tally tally) {
    return TransactionOptions.defaults().withRetry(RetryPolicy.standard().withListener(attempt -> tally.retried()));
  }

  static Optional<KeyedCall> getOrCreate(BenchDatabase database, Tally tally) {
    return Optional.of(getOrCreate(database, tally, UpsertOptions.defaults()));
  }

  static KeyedCall getOrCreateInsertFirst(BenchDatabase database, Tally tally) {
    return getOrCreate(database, tally, UpsertOptions.defaults().withInsertFirst());
  }

  private static KeyedCall getOrCreate(BenchDatabase database, Tally tally, UpsertOptions options) {
    Database db = database.racefree();
    TransactionOptions retry = retrying(tally);
    return (key, t) -> db.getOrCreate("item", Map.of("k", key), Map.of(), options, retry).created();
  }

  /** Plain data access, no transaction: what a read of an existing row costs through racefree. */
  static KeyedCall find(BenchDatabase database) {
    Database db = database.racefree();
    return (key, t) -> {
      if (db.find("item", Map.of("k", key)).isEmpty()) {
        throw new IllegalStateException("hot row " + key + " is missing");
      }
      return null;
    };
  }

  static Optional<UpdateOrCreateWorkload.ValueCall> updateOrCreate(BenchDatabase database, Tally tally) {
    Database db = database.racefree();
    TransactionOptions options = retrying(tally);
    return Optional.of((key, value, t) -> db.updateOrCreate("item", Map.of("k", key), Map.of("v", value), null,
        UpsertOptions.defaults(), options).created());
  }

  /** get-or-create of all {@code keys}; returns how many rows it created. */
  @FunctionalInterface
  interface BulkCall {
    int getOrCreateAll(List<String> keys) throws Exception;
  }

  /** On {@code database} as given: pass {@link BenchDatabase#countingRacefree()} to count round trips. */
  static Optional<BulkCall> getOrCreateAll(Database db, Tally tally) {
    TransactionOptions options = retrying(tally);
    return Optional.of(keys -> {
      List<Map<String, Object>> lookups = new java.util.ArrayList<>(keys.size());
      keys.forEach(key -> lookups.add(Map.of("k", key)));
      List<io.racefree.upsert.GetOrCreateResult> results =
          db.withTransaction(options, tx -> tx.getOrCreateAll("item", lookups, Map.of()));
      if (results.size() != keys.size()) {
        throw new IllegalStateException(results.size() + " results for " + keys.size() + " keys");
      }
      return (int) results.stream().filter(io.racefree.upsert.GetOrCreateResult::created).count();
    });
  }

  static Optional<TransferWorkload.Transfer> transfer(BenchDatabase database, Tally tally) {
    Database db = database.racefree();
    TransactionOptions options = retrying(tally);
    return Optional.of((from, to, amount, t) -> db.withTransaction(options, tx -> atomicMove(tx, from, to, amount)));
  }

  /** The README's transfer: one deadlock-free call that locks both rows in key order. */
  static Optional<TransferWorkload.Transfer> updateAllTransfer(BenchDatabase database, Tally tally) {
    Database db = database.racefree();
    TransactionOptions options = retrying(tally);
    return Optional.of((from, to, amount, t) -> db.withTransaction(options, tx -> tx.updateAll("account", "id", Map.of(
        from, RowUpdate.of(Assignments.subtract("balance", amount), Guard.atLeast("balance", amount)),
        to, RowUpdate.of(Assignments.add("balance", amount))))));
  }

  static Optional<TransferWorkload.Transfer> lockedTransfer(BenchDatabase database, Tally tally) {
    if (database.engine() == Engine.SQLITE) {
      return Optional.empty();
    }
    Database db = database.racefree();
    TransactionOptions options = retrying(tally);
    return Optional.of((from, to, amount, t) -> db.withTransaction(options, tx -> {
      List<Row> rows = tx.lockRowsInOrder("account", "id", List.of(from, to), RowLock.forUpdate());
      long fromBalance = balanceOf(rows, from);
      if (fromBalance < amount) {
        return false;
      }
      tx.update("account", Map.of("id", from), Map.of("balance", fromBalance - amount));
      tx.update("account", Map.of("id", to), Map.of("balance", balanceOf(rows, to) + amount));
      return true;
    }));
  }

  static Optional<NamedLockWorkload.Locker> sessionLock(BenchDatabase database) {
    Database db = database.racefree();
    return Optional.of((name, critical, tally) -> db.withLock(name, session -> {
      critical.run();
      return null;
    }));
  }

  static Optional<NamedLockWorkload.Locker> transactionLock(BenchDatabase database) {
    Database db = database.racefree();
    return Optional.of((name, critical, tally) -> db.withTransaction(tx -> {
      tx.lock(name);
      critical.run();
      return null;
    }));
  }

  private static boolean atomicMove(Transaction tx, int from, int to, long amount) {
    if (from < to && !debit(tx, from, amount)) {
      return false;
    }
    tx.update("account", Map.of("id", to), Assignments.add("balance", amount), Guard.none());
    if (from > to && !debit(tx, from, amount)) {
      tx.setRollbackOnly();
      return false;
    }
    return true;
  }

  private static boolean debit(Transaction tx, int id, long amount) {
    return tx.update("account", Map.of("id", id), Assignments.subtract("balance", amount),
        Guard.atLeast("balance", amount)) == 1;
  }

  private static long balanceOf(List<Row> rows, int id) {
    for (Row row : rows) {
      if (((Number) row.get("id")).intValue() == id) {
        return ((Number) row.get("balance")).longValue();
      }
    }
    throw new IllegalStateException("account " + id + " is missing");
  }
}
