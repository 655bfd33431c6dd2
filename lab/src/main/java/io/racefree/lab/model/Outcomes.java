package io.racefree.lab.model;

import static io.racefree.lab.model.Outcome.acceptable;
import static io.racefree.lab.model.Outcome.forbidden;
import static io.racefree.lab.model.Outcome.interesting;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Observation names shared by several scenarios, and the outcomes every scenario declares for
 * errors that reach the caller. Each scenario declares its own outcomes by these names.
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
  public static List<Outcome> callerErrors() {
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

  /**
   * A scenario's outcome list: its own outcomes, then every error a caller can meet.
   *
   * @param own the outcomes of the scenario's invariant, in the order reports list them
   */
  public static List<Outcome> declare(Outcome... own) {
    return Stream.concat(Arrays.stream(own), callerErrors().stream()).toList();
  }
}
