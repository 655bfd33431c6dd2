package io.racefree.lab.scenario;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Money transfer user patterns on raw JDBC (the Django users group thread on multiple processes),
 * on table {@code accounts (id, balance,
 * version)}. The pause comes after the first account is read (or locked), so two transfers in
 * opposite directions interleave between their two rows.
 *
 * <p>Stateless and thread-safe; each call uses only its actor's connection.
 */
final class Transfer {
  private static final String READ = "SELECT balance, version FROM accounts WHERE id = ?";
  private static final String WRITE = "UPDATE accounts SET balance = ? WHERE id = ?";

  private Transfer() {}

  /** One strategy's transfer of {@code amount} from one account to another. */
  private interface Pattern {
    void run(Actor actor, long from, long to, long amount, Pause pause)
        throws SQLException, CallerFailure, InterruptedException;
  }

  /** Every strategy that has a transfer, in the strategies' order. */
  private static final Map<Strategy, Pattern> PATTERNS = patterns();

  private static Map<Strategy, Pattern> patterns() {
    Map<Strategy, Pattern> patterns = new EnumMap<>(Strategy.class);
    patterns.put(Strategy.NAIVE,
        (actor, from, to, amount, pause) -> readModifyWrite(actor, from, to, amount, pause, ""));
    patterns.put(Strategy.READ_COMMITTED,
        (actor, from, to, amount, pause) -> readModifyWrite(actor, from, to, amount, pause, ""));
    patterns.put(Strategy.TABLE_LOCK, Transfer::tableLock);
    patterns.put(Strategy.SELECT_FOR_UPDATE, (actor, from, to, amount, pause) ->
        readModifyWrite(actor, from, to, amount, pause, actor.forUpdate()));
    patterns.put(Strategy.SELECT_FOR_UPDATE_ORDERED, Transfer::ordered);
    patterns.put(Strategy.ATOMIC_UPDATE, Transfer::atomic);
    patterns.put(Strategy.OPTIMISTIC_VERSION, (actor, from, to, amount, pause) ->
        Retry.transient3(actor, () -> {
          optimistic(actor, from, to, amount, pause);
          return null;
        }));
    patterns.put(Strategy.SERIALIZABLE_RETRY, (actor, from, to, amount, pause) ->
        Retry.transient3(actor, () -> {
          readModifyWrite(actor, from, to, amount, pause, "");
          return null;
        }));
    patterns.put(Strategy.RACEFREE, LibraryStrategy::transfer);
    return Collections.unmodifiableMap(patterns);
  }

  /** The strategies that have a transfer, the stress-only measurements included. */
  static Set<Strategy> strategies() {
    Set<Strategy> strategies = EnumSet.copyOf(PATTERNS.keySet());
    strategies.addAll(EnumSet.of(Strategy.RACEFREE_HARD_CASE, Strategy.FLOOR));
    return strategies;
  }

  /**
   * One stress call at the run's level: the race's pattern without pauses, except that {@code
   * racefree} does the same work as the others ({@link LikeForLike}), {@code racefree-hard-case}
   * is the race's racefree call and {@code floor} two guarded atomic updates ({@link Floor}).
   * Returns whether the money moved (only the floor's guarded debit can refuse).
   */
  static boolean stress(Strategy strategy, Actor actor, long from, long to, long amount,
      Isolation level) throws CallerFailure, InterruptedException {
    return switch (strategy) {
      case RACEFREE -> ScenarioRuns.guarded(strategy, actor, () -> {
        LikeForLike.transfer(actor, from, to, amount, level);
        return true;
      });
      case RACEFREE_HARD_CASE -> {
        run(Strategy.RACEFREE, actor, from, to, amount, Pause.NONE);
        yield true;
      }
      case FLOOR -> ScenarioRuns.guarded(strategy, actor,
          () -> Floor.transfer(actor, from, to, amount));
      default -> {
        run(strategy, actor, from, to, amount, Pause.NONE);
        yield true;
      }
    };
  }

  static void run(Strategy strategy, Actor actor, long from, long to, long amount, Pause pause)
      throws CallerFailure, InterruptedException {
    Pattern pattern = PATTERNS.get(strategy);
    if (pattern == null) {
      throw new IllegalArgumentException("no transfer for " + strategy.label());
    }
    ScenarioRuns.guarded(strategy, actor, () -> {
      pattern.run(actor, from, to, amount, pause);
      return null;
    });
  }

  /** The thread's code: read both balances, write both, in one transaction. */
  private static void readModifyWrite(Actor actor, long from, long to, long amount, Pause pause,
      String lock) throws SQLException, InterruptedException {
    actor.begin();
    long fromBalance = actor.queryPair(READ + lock, from)[0];
    pause.here();
    long toBalance = actor.queryPair(READ + lock, to)[0];
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    actor.commit();
  }

  /** Locks both rows in primary-key order, whatever the direction, then writes. */
  private static void ordered(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    long first = Math.min(from, to);
    long second = Math.max(from, to);
    long firstBalance = actor.queryPair(READ + actor.forUpdate(), first)[0];
    pause.here();
    long secondBalance = actor.queryPair(READ + actor.forUpdate(), second)[0];
    long fromBalance = from == first ? firstBalance : secondBalance;
    long toBalance = from == first ? secondBalance : firstBalance;
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    actor.commit();
  }

  /** The database does the arithmetic: UPDATE SET balance = balance -/+ ?. */
  private static void atomic(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    actor.update("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
    pause.here();
    actor.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
    actor.commit();
  }

  /** Reads balance and version, writes WHERE version = read; a miss retries the transaction. */
  private static void optimistic(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    actor.begin();
    long[] fromRow = actor.queryPair(READ, from);
    pause.here();
    long[] toRow = actor.queryPair(READ, to);
    String write = "UPDATE accounts SET balance = ?, version = version + 1"
        + " WHERE id = ? AND version = ?";
    if (actor.update(write, fromRow[0] - amount, from, fromRow[1]) != 1
        || actor.update(write, toRow[0] + amount, to, toRow[1]) != 1) {
      throw new StaleVersion();
    }
    actor.commit();
  }

  private static void tableLock(Actor actor, long from, long to, long amount, Pause pause)
      throws SQLException, InterruptedException {
    TableLock.begin(actor, "accounts");
    long fromBalance = actor.queryPair(READ, from)[0];
    pause.here();
    long toBalance = actor.queryPair(READ, to)[0];
    actor.update(WRITE, fromBalance - amount, from);
    actor.update(WRITE, toBalance + amount, to);
    TableLock.commit(actor);
  }

  /** No row matched the version read: someone else wrote first; retry the whole transaction. */
  static final class StaleVersion extends SQLException {
    StaleVersion() {
      super("stale version: the row changed since it was read", "40001");
    }
  }
}
