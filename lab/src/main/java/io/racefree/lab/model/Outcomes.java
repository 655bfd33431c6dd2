package io.racefree.lab.model;

import static io.racefree.lab.model.Outcome.acceptable;
import static io.racefree.lab.model.Outcome.forbidden;
import static io.racefree.lab.model.Outcome.interesting;

import java.util.List;

/**
 * Observation names shared by several scenarios, and the outcomes every scenario declares for
 * errors that reach the caller.
 *
 * <p>Constants only; thread-safe.
 */
public final class Outcomes {
  public static final String ONE_ROW = "one-row";
  public static final String DUPLICATE_ROWS = "duplicate-rows";
  public static final String CREATED_FLAG_WRONG = "created-flag-wrong";
  public static final String NOT_FOUND_AFTER_DUPLICATE_KEY = "not-found-after-duplicate-key";
  public static final String DUPLICATE_KEY_ERROR = "duplicate-key-error";
  public static final String NO_LOST_UPDATE = "no-lost-update";
  public static final String LOST_UPDATE = "lost-update";
  public static final String BALANCED = "balanced";
  public static final String MONEY_CREATED_OR_DESTROYED = "money-created-or-destroyed";
  public static final String DEADLOCK = "deadlock-reached-caller";
  public static final String SERIALIZATION_FAILURE = "serialization-failure-reached-caller";
  public static final String LOCK_TIMEOUT = "lock-timeout-reached-caller";
  public static final String BUSY = "database-busy-reached-caller";
  public static final String ABORTED = "transaction-aborted-reached-caller";
  public static final String OTHER_ERROR = "other-error-reached-caller";
  public static final String REFUSED_UNSUPPORTED = "refused-as-unsupported";
  public static final String SERIALIZED_BY_ENGINE = "serialized-by-the-engine";
  public static final String ONE_HOLDER = "one-holder-at-a-time";
  public static final String HELD_TWICE = "lock-held-twice";

  private Outcomes() {}

  /** Errors a caller can meet in any scenario; transient ones are retryable, hence INTERESTING. */
  static List<Outcome> callerErrors() {
    return List.of(
        acceptable(SERIALIZED_BY_ENGINE, "SQLite runs one writer at a time: the competitor waited"
            + " for the first caller's transaction instead of overtaking it, so the forced"
            + " interleaving cannot happen there; it ran once the first had finished"),
        interesting(DEADLOCK, "a deadlock reached the caller: no data damage, but the call failed"
            + " and must be retried as a whole"),
        interesting(SERIALIZATION_FAILURE, "a serialization failure reached the caller: no data"
            + " damage, but the whole transaction must be retried"),
        interesting(LOCK_TIMEOUT, "a lock wait timed out and the error reached the caller"),
        interesting(BUSY, "SQLite answered SQLITE_BUSY and the error reached the caller"),
        interesting(ABORTED, "the database aborted the transaction (H2: a failure inside its own"
            + " rollback of a conflict) and the error reached the caller: nothing of it was"
            + " committed, but the whole transaction must be run again"),
        interesting(REFUSED_UNSUPPORTED, "the call was refused up front with a typed"
            + " 'unsupported' error rather than risk a wrong result: no data damage, but the"
            + " caller must change the schema (a unique key), the isolation level or, on a"
            + " cluster, use something other than a lock that only one node knows"),
        forbidden(OTHER_ERROR, "an unexpected error reached the caller"));
  }

  static List<Outcome> getOrCreate(boolean uniqueKey) {
    List<Outcome> own =
        List.of(
            acceptable(ONE_ROW, "one row; every caller got it, exactly one reported created"),
            forbidden(DUPLICATE_ROWS, "two rows for one key (seed 002)"),
            forbidden(CREATED_FLAG_WRONG, "both callers, or neither, reported created"),
            forbidden(
                NOT_FOUND_AFTER_DUPLICATE_KEY,
                "the insert hit a duplicate key, then the re-read did not see the row:"
                    + " the snapshot hides it (seeds 000, 001, 003)"),
            forbidden(DUPLICATE_KEY_ERROR, "the duplicate-key error reached the caller"));
    return uniqueKey ? concat(own, callerErrors()) : concat(own.subList(0, 3), callerErrors());
  }

  static List<Outcome> updateOrCreate() {
    return concat(
        List.of(
            acceptable(NO_LOST_UPDATE, "one row, and the concurrent update survived"),
            forbidden(LOST_UPDATE, "a concurrent committed update was overwritten with stale"
                + " values (ticket #29499, seed 004)"),
            forbidden(DUPLICATE_ROWS, "two rows for one key"),
            forbidden(NOT_FOUND_AFTER_DUPLICATE_KEY, "duplicate key, then the re-read missed"),
            forbidden(DUPLICATE_KEY_ERROR, "the duplicate-key error reached the caller")),
        callerErrors());
  }

  static List<Outcome> transfer() {
    return concat(
        List.of(
            acceptable(BALANCED, "the balances are exactly the sum of the committed transfers"),
            forbidden(LOST_UPDATE, "a committed transfer vanished from the balances (seed 002)"),
            forbidden(MONEY_CREATED_OR_DESTROYED, "the sum of all balances changed")),
        callerErrors());
  }

  static List<Outcome> criticalSection() {
    return concat(
        List.of(
            acceptable(ONE_HOLDER, "every caller ran the job alone: the lock kept the other out"
                + " until it was released"),
            forbidden(HELD_TWICE, "two callers held the lock and ran the job at the same time (on a"
                + " Galera cluster each node grants its own row locks and named locks)")),
        callerErrors());
  }

  private static List<Outcome> concat(List<Outcome> first, List<Outcome> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
