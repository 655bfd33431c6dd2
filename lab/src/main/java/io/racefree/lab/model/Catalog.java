package io.racefree.lab.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the lab knows how to run, declared as data: scenarios, strategies and anomalies,
 * each with the seed it comes from. Names are fixed: reports and scripts depend on them.
 *
 * <p>Constants only; thread-safe.
 */
public final class Catalog {
  public static final String RACEFREE = "racefree";

  /** The public threads behind the numbers in "from": what a user can look up. */
  public static final java.util.Map<String, String> SOURCES = java.util.Collections.unmodifiableMap(
      new java.util.TreeMap<>(java.util.Map.of(
          "000", "Django users group: \"Race condition in get_or_create\"",
          "001", "Stack Overflow: \"How do I deal with this race condition in django?\"",
          "002", "Django users group: \"Database race conditions when using multiple processes\"",
          "003", "\"Django's get_or_create() may raise IntegrityError but subsequent get() raises"
              + " DoesNotExist\"",
          "004", "Django ticket #29499: \"Race condition in QuerySet.update_or_create()\"")));

  public static final List<StrategySpec> STRATEGIES =
      List.of(
          new StrategySpec("naive", "get, create, catch the duplicate, get again, all in one"
              + " transaction", "001"),
          new StrategySpec("django", "Django's get_or_create/update_or_create: get, savepoint +"
              + " insert, roll back to it on a duplicate and get again", "Django's code, 000, 004"),
          new StrategySpec("commit-then-get", "create; on a duplicate commit, then get in a new"
              + " transaction", "001"),
          new StrategySpec("savepoint-before-read", "take the savepoint before the first read,"
              + " roll back to it after a duplicate, get again", "000"),
          new StrategySpec("read-committed", "the naive pattern at READ COMMITTED", "000, 001, 003"),
          new StrategySpec("table-lock", "lock the whole table first (LOCK TABLE / BEGIN"
              + " IMMEDIATE)", "002"),
          new StrategySpec("select-for-update", "SELECT ... FOR UPDATE before deciding, rows in"
              + " request order", "004, 002"),
          new StrategySpec("select-for-update-ordered", "SELECT ... FOR UPDATE, rows in primary"
              + " key order", "002"),
          new StrategySpec("atomic-update", "one statement does the read-modify-write (UPDATE SET"
              + " x = x + ?, or an upsert)", "002, 004"),
          new StrategySpec("optimistic-version", "read a version column, write WHERE version = ?,"
              + " retry when no row matched", "002, 004"),
          new StrategySpec("named-lock", "a named lock around the job (pg_advisory_xact_lock on"
              + " PostgreSQL, GET_LOCK on MariaDB/MySQL)", "002"),
          new StrategySpec("serializable-retry", "run at SERIALIZABLE, retry the whole"
              + " transaction on serialization failure or deadlock", "002, 003"),
          new StrategySpec(RACEFREE, "the racefree library's own call for the job", "racefree"));

  public static final List<ScenarioSpec> SCENARIOS =
      List.of(
          new ScenarioSpec("get-or-create-unique", List.of("000", "001", "003"),
              "get-or-create of one key with a unique constraint; T1 reads (miss), T2 creates and"
                  + " commits, T1 goes on with its create path",
              Outcomes.getOrCreate(true),
              Set.of("naive", "django", "commit-then-get", "savepoint-before-read",
                  "read-committed", "table-lock", "select-for-update", "serializable-retry",
                  RACEFREE)),
          new ScenarioSpec("get-or-create-no-unique", List.of("002"),
              "get-or-create of one key without a unique constraint (seed 002's prefork servers);"
                  + " T1 reads (miss), T2 creates and commits, T1 creates",
              Outcomes.getOrCreate(false),
              Set.of("naive", "django", "read-committed", "table-lock", "select-for-update",
                  "serializable-retry", RACEFREE)),
          new ScenarioSpec("update-or-create", List.of("004"),
              "update-or-create racing a create and a concurrent update of another column (Django"
                  + " ticket #29499)",
              Outcomes.updateOrCreate(),
              Set.of("naive", "django", "read-committed", "table-lock", "select-for-update",
                  "atomic-update", "optimistic-version", "serializable-retry", RACEFREE)),
          new ScenarioSpec("transfer", List.of("002"),
              "two transfers between the same accounts in opposite directions: read both"
                  + " balances, write both",
              Outcomes.transfer(),
              Set.of("naive", "read-committed", "table-lock", "select-for-update",
                  "select-for-update-ordered", "atomic-update", "optimistic-version",
                  "serializable-retry", RACEFREE)),
          new ScenarioSpec("critical-section", List.of("002"),
              "a job only one caller may run at a time (a payout batch): T1 takes the lock and"
                  + " starts the job, T2 tries to take the same lock and run the job too",
              Outcomes.criticalSection(),
              Set.of("select-for-update", "named-lock", RACEFREE)));

  public static final List<AnomalySpec> ANOMALIES =
      List.of(
          new AnomalySpec("G0", "Write Cycles", "two transactions overwrite each other's"
              + " uncommitted writes (dirty write)", "Hermitage, Adya"),
          new AnomalySpec("G1a", "Aborted Reads", "a transaction reads a value written by a"
              + " transaction that later aborts", "Hermitage, Adya"),
          new AnomalySpec("G1b", "Intermediate Reads", "a transaction reads a value that its"
              + " writer later overwrote before committing", "Hermitage, Adya"),
          new AnomalySpec("G1c", "Circular Information Flow", "two transactions each read the"
              + " other's uncommitted write", "Hermitage, Adya"),
          new AnomalySpec("OTV", "Observed Transaction Vanishes", "a reader sees a writer's"
              + " value, then the older value it overwrote", "Hermitage"),
          new AnomalySpec("PMP", "Predicate-Many-Preceders", "a predicate read (or a predicate"
              + " write) sees rows committed after the transaction's earlier reads", "Hermitage"),
          new AnomalySpec("P4", "Lost Update", "two read-modify-write transactions both commit,"
              + " one update is lost", "Hermitage, Berenson et al."),
          new AnomalySpec("G-single", "Single Anti-dependency Cycles", "read skew: a transaction"
              + " sees part of another's committed writes", "Hermitage, Adya"),
          new AnomalySpec("G2-item", "Item Anti-dependency Cycles", "write skew on disjoint"
              + " rows read by both", "Hermitage, Adya"),
          new AnomalySpec("G2", "Anti-Dependency Cycles", "write skew on a predicate read:"
              + " both insert what the other's read would have seen", "Hermitage, Adya"));

  private Catalog() {}

  public static Optional<ScenarioSpec> scenario(String name) {
    return SCENARIOS.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
  }

  public static List<ScenarioSpec> scenariosMatching(Pattern pattern) {
    return SCENARIOS.stream().filter(s -> pattern.matcher(s.name()).matches()).toList();
  }

  public static List<StrategySpec> strategiesMatching(Pattern pattern) {
    return STRATEGIES.stream().filter(s -> pattern.matcher(s.name()).matches()).toList();
  }
}
