package io.racefree.lab.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strategies the lab races, in the order reports list them: the users' patterns, the
 * racefree library's own call, and two stress-only measurements beside it (the library call in
 * the hard case, and the floor: one hand-written statement). Each knows its fixed name (reports,
 * results files and scripts depend on it), what it does, where its advice comes from and, for a
 * strategy that is an isolation level, the one level it runs at.
 *
 * <p>Immutable and thread-safe.
 */
public enum Strategy {
  NAIVE("naive", "get, create, catch the duplicate, get again, all in one transaction", "001"),
  DJANGO("django", "Django's get_or_create/update_or_create: get, savepoint + insert, roll back"
      + " to it on a duplicate and get again", "Django's code, 000, 004"),
  COMMIT_THEN_GET("commit-then-get", "create; on a duplicate commit, then get in a new"
      + " transaction", "001"),
  SAVEPOINT_BEFORE_READ("savepoint-before-read", "take the savepoint before the first read,"
      + " roll back to it after a duplicate, get again", "000"),
  READ_COMMITTED("read-committed", "the naive pattern at READ COMMITTED", "000, 001, 003",
      Isolation.READ_COMMITTED),
  TABLE_LOCK("table-lock", "lock the whole table first (LOCK TABLE / BEGIN IMMEDIATE)", "002"),
  SELECT_FOR_UPDATE("select-for-update", "SELECT ... FOR UPDATE before deciding, rows in"
      + " request order", "004, 002"),
  SELECT_FOR_UPDATE_ORDERED("select-for-update-ordered", "SELECT ... FOR UPDATE, rows in primary"
      + " key order", "002"),
  ATOMIC_UPDATE("atomic-update", "one statement does the read-modify-write (UPDATE SET x = x + ?,"
      + " or an upsert)", "002, 004"),
  OPTIMISTIC_VERSION("optimistic-version", "read a version column, write WHERE version = ?,"
      + " retry when no row matched", "002, 004"),
  NAMED_LOCK("named-lock", "a named lock around the job (pg_advisory_xact_lock on PostgreSQL,"
      + " GET_LOCK on MariaDB/MySQL)", "002"),
  SERIALIZABLE_RETRY("serializable-retry", "run at SERIALIZABLE, retry the whole transaction on"
      + " serialization failure or deadlock", "002, 003", Isolation.SERIALIZABLE),
  RACEFREE("racefree", "the racefree library's own call for the job; in stress the same work as"
      + " the others (db.getOrCreate, db.updateOrCreate, db.updateAll, tx.lock at the run's"
      + " level), in the forced race the hard case", "racefree"),
  RACEFREE_HARD_CASE("racefree-hard-case", "stress only: the library call inside the caller's"
      + " own retrying transaction that has already read the table (the snapshot is taken"
      + " before the race); the hard case, not the cost of the library", "racefree",
      null, true),
  FLOOR("floor", "stress only: one hand-written statement does the job (the native upsert; two"
      + " UPDATE balance = balance -/+ ? with the debit guarded); a throughput reference, not a"
      + " correctness strategy", "the bench's native SQL", null, true);

  private final String label;
  private final String description;
  private final String sources;
  private final Isolation onlyLevel;
  private final boolean stressOnly;

  Strategy(String label, String description, String sources) {
    this(label, description, sources, null);
  }

  Strategy(String label, String description, String sources, Isolation onlyLevel) {
    this(label, description, sources, onlyLevel, false);
  }

  Strategy(String label, String description, String sources, Isolation onlyLevel,
      boolean stressOnly) {
    this.label = label;
    this.description = description;
    this.sources = sources;
    this.onlyLevel = onlyLevel;
    this.stressOnly = stressOnly;
  }

  /** The fixed name: {@code naive}, {@code racefree}, ... */
  public String label() {
    return label;
  }

  /** One line saying what the strategy does. */
  public String description() {
    return description;
  }

  /** Where the advice comes from: numbers of {@link Catalog#SOURCES}, or who wrote the code. */
  public String sources() {
    return sources;
  }

  /** The one level a strategy that is an isolation level runs at. */
  public Optional<Isolation> onlyLevel() {
    return Optional.ofNullable(onlyLevel);
  }

  /**
   * Whether it is a throughput measurement only: no forced race, no row in the deterministic
   * tables.
   */
  public boolean stressOnly() {
    return stressOnly;
  }

  /** The library's own call: {@code racefree} and its hard case, whose failures fail the run. */
  public boolean isRacefree() {
    return this == RACEFREE || this == RACEFREE_HARD_CASE;
  }

  /** The levels this strategy runs at out of those requested: its own level, if it has one. */
  public List<Isolation> levels(List<Isolation> requested) {
    return onlyLevel == null ? requested : List.of(onlyLevel);
  }

  public static Optional<Strategy> byLabel(String label) {
    return Arrays.stream(values()).filter(strategy -> strategy.label.equals(label)).findFirst();
  }

  public static List<Strategy> matching(Pattern pattern) {
    return Arrays.stream(values()).filter(s -> pattern.matcher(s.label).matches()).toList();
  }
}
