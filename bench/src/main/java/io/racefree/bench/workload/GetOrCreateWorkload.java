package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.HibernateClient;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.fixture.Schema;
import io.racefree.bench.harness.Check;
import io.racefree.bench.harness.Contender;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.Tally;
import io.racefree.testing.Engine;
import java.util.ArrayList;
import java.util.List;

/** get-or-create of one key per call, on existing rows (hot), new rows (cold) or 20 contended keys. */
public final class GetOrCreateWorkload implements Workload {
  /** Which keys the calls use. */
  public enum Kind {
    HOT("existing rows, picked at random among " + Schema.HOT_ROWS),
    COLD("a new key every call"),
    CONTENDED("20 new keys at a time, each asked for 4 times by whichever threads come");

    private final String keys;

    Kind(String keys) {
      this.keys = keys;
    }
  }

  private final Kind kind;

  public GetOrCreateWorkload(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return "get-or-create-" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String description() {
    return "get-or-create of item(k): " + kind.keys;
  }

  @Override
  public List<Contender> contenders(BenchDatabase database, int threads) {
    Engine engine = database.engine();
    List<Contender> contenders = new ArrayList<>();
    Tally racefreeTally = new Tally();
    RacefreeCalls.getOrCreate(database, racefreeTally).ifPresent(call ->
        contenders.add(contender(database, threads, "racefree", Role.RACEFREE, RacefreeCalls.GET_OR_CREATE,
            racefreeTally, call)));
    if (kind == Kind.HOT) {
      contenders.add(contender(database, threads, "floor", Role.FLOOR, "SELECT id, k, v FROM item WHERE k = ?",
          GetOrCreateBaselines.floorSelect(database)));
      if (!contenders.isEmpty()) {
        contenders.add(contender(database, threads, "racefree-find", Role.RACEFREE,
            "db.find(\"item\", {k}): racefree's plain read, auto-commit, no get-or-create", RacefreeCalls.find(database)));
      }
    } else {
      contenders.add(contender(database, threads, "floor", Role.FLOOR, NativeSql.getOrCreateUpsert(engine),
          GetOrCreateBaselines.floorUpsert(database)));
      Tally insertFirstTally = new Tally();
      contenders.add(contender(database, threads, "racefree-insert-first", Role.RACEFREE,
          RacefreeCalls.GET_OR_CREATE_INSERT_FIRST, insertFirstTally,
          RacefreeCalls.getOrCreateInsertFirst(database, insertFirstTally)));
    }
    contenders.add(contender(database, threads, "naive", Role.NAIVE,
        "one transaction, default isolation: SELECT; INSERT; on duplicate SELECT again",
        GetOrCreateBaselines.naive(database)));
    if (NativeSql.lockTable(engine, "item") != null) {
      contenders.add(contender(database, threads, "table-lock", Role.FIX,
          NativeSql.lockTable(engine, "item") + "; SELECT; INSERT if missing; COMMIT",
          GetOrCreateBaselines.tableLock(database)));
    }
    contenders.add(contender(database, threads, "serializable", Role.FIX,
        "SERIALIZABLE: SELECT; INSERT if missing; retry serialization failure, deadlock, duplicate",
        GetOrCreateBaselines.serializable(database)));
    if (NativeSql.hasSelectForUpdate(engine)) {
      contenders.add(contender(database, threads, "for-update", Role.FIX,
          "SELECT ... FOR UPDATE; INSERT if missing; retry duplicate and deadlock",
          GetOrCreateBaselines.selectForUpdate(database)));
    }
    contenders.add(contender(database, threads, "jooq", Role.ALTERNATIVE,
        "jOOQ insertInto(item).values(k).onConflictDoNothing().returningResult(...), then a select",
        (key, tally) -> database.jooq().getOrCreate(key)));
    HibernateClient hibernate = database.hibernate();
    if (hibernate != null) {
      contenders.add(contender(database, threads, "jpa", Role.ALTERNATIVE,
          "Hibernate " + org.hibernate.Version.getVersionString()
              + " Session: find by k, persist if missing, commit; retry on ConstraintViolationException",
          (key, tally) -> hibernate.getOrCreate(key, tally::retried)));
    }
    return contenders;
  }

  private Contender contender(BenchDatabase database, int threads, String name, Role role, String description,
      KeyedCall call) {
    return contender(database, threads, name, role, description, new Tally(), call);
  }

  private Contender contender(BenchDatabase database, int threads, String name, Role role, String description,
      Tally ownTally, KeyedCall call) {
    String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + name + "-" + threads + "-";
    Keys keys = switch (kind) {
      case HOT -> Keys.hot();
      case COLD -> Keys.cold(prefix);
      case CONTENDED -> Keys.contended(prefix);
    };
    Contender contender = Contender.of(name, role, description, ownTally, tally -> {
      Boolean created = call.call(keys.next(), tally);
      if (created != null) {
        tally.created(created);
      }
    });
    return contender.checkedBy(tally -> createdMatchesRows(database, kind == Kind.HOT ? "hot-" : prefix,
        tally));
  }

  /** Every row was created by exactly one call that said so; a hot run creates nothing. */
  private Check.Anomalies createdMatchesRows(BenchDatabase database, String prefix, Tally tally) {
    long duplicates = Schema.duplicateItems(database, prefix);
    long rows = kind == Kind.HOT ? 0 : Schema.countItems(database, prefix);
    long created = tally.created();
    boolean reportsCreated = created > 0 || rows == 0 || kind == Kind.HOT;
    long wrongFlags = reportsCreated ? Math.abs(rows - created) : 0;
    if (duplicates + wrongFlags == 0) {
      return Check.Anomalies.none();
    }
    return new Check.Anomalies(duplicates + wrongFlags,
        duplicates + " duplicate rows, " + wrongFlags + " calls whose created flag was wrong (" + rows
            + " rows, " + created + " reported created)");
  }
}
