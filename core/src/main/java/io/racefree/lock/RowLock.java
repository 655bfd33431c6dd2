package io.racefree.lock;

import java.time.Duration;
import java.util.Objects;

/**
 * How a locking read locks the rows it returns: a {@link Mode} and a {@link WaitPolicy}, optionally
 * restricted to one table ({@code OF}). Rendered per database by {@link
 * io.racefree.Transaction#lockRows}; an option the database cannot honour fails with {@link
 * io.racefree.error.UnsupportedFeatureException} before any SQL runs. See {@code docs/locks.md}.
 *
 * <pre>{@code
 * tx.lockRows("job", Map.of("state", "ready"), RowLock.forUpdate().skipLocked());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with}-style methods return copies.
 */
public final class RowLock {
  /** The strength of the row lock, strongest first. */
  public enum Mode {
    /** Excludes every other locking read and writer of the row ({@code FOR UPDATE}). */
    UPDATE,
    /** Like UPDATE but lets key-share lockers through (PostgreSQL {@code FOR NO KEY UPDATE}). */
    NO_KEY_UPDATE,
    /** Excludes writers, shared with other SHARE lockers ({@code FOR SHARE}, {@code LOCK IN SHARE MODE}). */
    SHARE,
    /** Excludes only key changes and deletes (PostgreSQL {@code FOR KEY SHARE}). */
    KEY_SHARE
  }

  /** What to do when a row is locked by another transaction. */
  public enum WaitPolicy {
    /** Wait as long as the session's lock timeout allows. */
    WAIT,
    /** Fail at once with {@link io.racefree.error.LockNotAvailableException}. */
    NOWAIT,
    /** Leave locked rows out of the result. */
    SKIP_LOCKED,
    /** Wait at most {@link #maxWait()}, then fail with {@link io.racefree.error.LockTimeoutException}. */
    BOUNDED
  }

  private final Mode mode;
  private final WaitPolicy waitPolicy;
  private final Duration maxWait;
  private final String ofTable;

  private RowLock(Mode mode, WaitPolicy waitPolicy, Duration maxWait, String ofTable) {
    this.mode = mode;
    this.waitPolicy = waitPolicy;
    this.maxWait = maxWait;
    this.ofTable = ofTable;
  }

  /**
   * {@code FOR UPDATE}: exclusive, for rows about to be changed or deleted.
   *
   * @return the lock, waiting as long as the engine waits
   */
  public static RowLock forUpdate() {
    return of(Mode.UPDATE);
  }

  /**
   * {@code FOR NO KEY UPDATE} (PostgreSQL; {@code FOR UPDATE} elsewhere): exclusive, but lets rows that reference this one be inserted.
   *
   * @return the lock, waiting as long as the engine waits
   */
  public static RowLock forNoKeyUpdate() {
    return of(Mode.NO_KEY_UPDATE);
  }

  /**
   * {@code FOR SHARE} (MariaDB {@code LOCK IN SHARE MODE}): others may read-lock but not change the rows.
   *
   * @return the lock, waiting as long as the engine waits
   */
  public static RowLock forShare() {
    return of(Mode.SHARE);
  }

  /**
   * {@code FOR KEY SHARE} (PostgreSQL; {@code FOR SHARE} elsewhere): only blocks changes of the key and deletes.
   *
   * @return the lock, waiting as long as the engine waits
   */
  public static RowLock forKeyShare() {
    return of(Mode.KEY_SHARE);
  }

  /**
   * A lock of the given strength, waiting as long as the engine waits.
   *
   * @param mode the strength
   * @return the lock
   */
  public static RowLock of(Mode mode) {
    return new RowLock(Objects.requireNonNull(mode, "mode"), WaitPolicy.WAIT, null, null);
  }

  /**
   * Fails at once instead of waiting for a row another transaction holds.
   *
   * @return this lock, failing instead of waiting
   */
  public RowLock noWait() {
    return new RowLock(mode, WaitPolicy.NOWAIT, null, ofTable);
  }

  /**
   * Leaves rows another transaction holds out of the result.
   *
   * @return this lock, skipping rows others hold
   */
  public RowLock skipLocked() {
    return new RowLock(mode, WaitPolicy.SKIP_LOCKED, null, ofTable);
  }

  /**
   * Waits at most {@code timeout} (positive) for rows another transaction holds.
   *
   * @param timeout how long to wait at most, positive
   * @return this lock with a bounded wait
   */
  public RowLock waitAtMost(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive (use noWait() not to wait), got " + timeout);
    }
    return new RowLock(mode, WaitPolicy.BOUNDED, timeout, ofTable);
  }

  /**
   * Locks only the rows of {@code table} ({@code FOR UPDATE OF table}).
   *
   * @param table the table, checked against the catalog
   * @return a lock of the rows of {@code table} only
   */
  public RowLock ofTable(String table) {
    return new RowLock(mode, waitPolicy, maxWait, Objects.requireNonNull(table, "table"));
  }

  /**
   * The strength.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * What happens when another transaction holds a row.
   *
   * @return the wait policy
   */
  public WaitPolicy waitPolicy() {
    return waitPolicy;
  }

  /**
   * The longest wait under {@link WaitPolicy#BOUNDED}, else null.
   *
   * @return the longest wait under {@link WaitPolicy#BOUNDED}, else null
   */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * The table named in {@code OF}, or null.
   *
   * @return the table named in {@code OF}, or null
   */
  public String ofTable() {
    return ofTable;
  }

  @Override
  public String toString() {
    return "RowLock[" + mode + ", " + waitPolicy + (maxWait != null ? " " + maxWait : "")
        + (ofTable != null ? ", of " + ofTable : "") + "]";
  }
}
