package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.Jdbc;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.fixture.SqlErrors;
import io.racefree.bench.harness.Check;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.Tally;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Moves 1 to 100 units between two of 20 accounts per call. Each contender gets 20 fresh accounts;
 * afterwards their total must be unchanged (else money was created or destroyed) and no balance
 * negative.
 */
public final class TransferWorkload implements Workload {
  static final int ACCOUNTS = 20;
  static final long OPENING_BALANCE = 1_000_000;
  private static final AtomicInteger NEXT_RANGE = new AtomicInteger();

  @Override
  public String name() {
    return "transfer";
  }

  @Override
  public String description() {
    return "money transfer between 2 of 20 accounts, amount 1..100";
  }

  /** One transfer: from and to differ; the transfer is refused (false) when from lacks the money. */
  @FunctionalInterface
  interface Transfer {
    void move(int from, int to, long amount, Tally tally) throws Exception;
  }

  @Override
  public List<Contender> contenders(BenchDatabase database, int threads) {
    DataSource dataSource = database.dataSource();
    List<Contender> contenders = new ArrayList<>();
    Tally racefreeTally = new Tally();
    RacefreeCalls.transfer(database, racefreeTally).ifPresent(transfer ->
        contenders.add(contender(database, "racefree", Role.RACEFREE, RacefreeCalls.TRANSFER, racefreeTally, transfer)));
    Tally updateAllTally = new Tally();
    RacefreeCalls.updateAllTransfer(database, updateAllTally).ifPresent(transfer ->
        contenders.add(contender(database, "racefree-update-all", Role.RACEFREE, RacefreeCalls.UPDATE_ALL_TRANSFER,
            updateAllTally, transfer)));
    Tally lockedTally = new Tally();
    RacefreeCalls.lockedTransfer(database, lockedTally).ifPresent(transfer ->
        contenders.add(contender(database, "racefree-locked", Role.RACEFREE, RacefreeCalls.LOCKED_TRANSFER,
            lockedTally, transfer)));
    contenders.add(contender(database, "floor", Role.FLOOR,
        "one transaction: UPDATE account SET balance = balance - ? WHERE id = ? AND balance >= ?;"
            + " UPDATE ... + ?; in id order", new Tally(),
        (from, to, amount, tally) -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
            connection -> AccountSql.atomicMove(connection, from, to, amount))));
    contenders.add(contender(database, "naive", Role.NAIVE,
        "one transaction, default isolation: read both balances, write both new balances", new Tally(),
        (from, to, amount, tally) -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
            connection -> AccountSql.readThenWrite(connection, from, to, amount, ""))));
    String lock = NativeSql.lockTable(database.engine(), "account");
    if (lock != null) {
      contenders.add(contender(database, "table-lock", Role.FIX, lock + "; read both; write both", new Tally(),
          (from, to, amount, tally) -> AccountSql.underTableLock(database, lock, from, to, amount)));
    }
    contenders.add(contender(database, "serializable", Role.FIX,
        "SERIALIZABLE: read both, write both; retry serialization failure and deadlock", new Tally(),
        (from, to, amount, tally) -> Jdbc.retrying(tally, SqlErrors::isTransient,
            () -> Jdbc.inTransaction(dataSource, Connection.TRANSACTION_SERIALIZABLE,
                connection -> AccountSql.readThenWrite(connection, from, to, amount, "")))));
    if (NativeSql.hasSelectForUpdate(database.engine())) {
      contenders.add(contender(database, "for-update", Role.FIX,
          "SELECT ... FOR UPDATE both in id order, write both; retry deadlock", new Tally(),
          (from, to, amount, tally) -> Jdbc.retrying(tally, SqlErrors::isTransient,
              () -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
                  connection -> AccountSql.readThenWrite(connection, from, to, amount, " FOR UPDATE")))));
    }
    return contenders;
  }

  private Contender contender(BenchDatabase database, String name, Role role, String description, Tally tally,
      Transfer transfer) {
    int first = NEXT_RANGE.getAndIncrement() * 100 + 1;
    Schema.openAccounts(database, first, ACCOUNTS, OPENING_BALANCE);
    return Contender.of(name, role, description, tally, t -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int from = random.nextInt(ACCOUNTS);
      int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      transfer.move(first + from, first + to, 1 + random.nextInt(100), t);
    }).checkedBy(t -> moneyConserved(database, first));
  }

  private static Check.Anomalies moneyConserved(BenchDatabase database, int first) {
    String range = " FROM account WHERE id BETWEEN " + first + " AND " + (first + ACCOUNTS - 1);
    long total = database.queryLong("SELECT SUM(balance)" + range);
    long negative = database.queryLong("SELECT COUNT(*)" + range + " AND balance < 0");
    long drift = total - ACCOUNTS * OPENING_BALANCE;
    if (drift == 0 && negative == 0) {
      return Check.Anomalies.none();
    }
    return new Check.Anomalies(Math.abs(drift) + negative, (drift > 0 ? drift + " units of money created" :
        -drift + " units of money destroyed") + ", " + negative + " negative balances");
  }
}
