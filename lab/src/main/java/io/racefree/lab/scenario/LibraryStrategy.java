package io.racefree.lab.scenario;

import io.racefree.Database;
import io.racefree.error.RacefreeException;
import io.racefree.lab.model.Outcomes;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code racefree} strategy: the library's own calls, on the actor's connection, inside the
 * caller's own retrying transaction that has already read the table (the hard case: the snapshot
 * is taken before the race). Get-or-create and update-or-create call {@code
 * Transaction.getOrCreate} / {@code updateOrCreate}; transfer uses {@code lockRowsInOrder} and the
 * atomic {@code update} with {@link Assignments}. The deterministic race always runs this shape;
 * in stress it is the {@code racefree-hard-case} measurement, while {@code racefree} itself does
 * the same work as the other strategies ({@link LikeForLike}).
 *
 * <p>Stateless and thread-safe.
 */
final class LibraryStrategy {
  private LibraryStrategy() {}

  static boolean getOrCreate(Actor actor, long key, Pause pause)
      throws CallerFailure, InterruptedException {
    Map<String, Object> lookup = Map.of("k", key);
    return call(actor, () -> actor.library().withTransaction(retrying(), tx -> {
      tx.find("goc", lookup);
      pauseUninterruptibly(pause);
      return tx.getOrCreate("goc", lookup, Map.of("v", 1)).created();
    }));
  }

  static boolean updateOrCreate(Actor actor, long key, long value, Pause pause)
      throws CallerFailure, InterruptedException {
    Map<String, Object> lookup = Map.of("k", key);
    return call(actor, () -> actor.library().withTransaction(retrying(), tx -> {
      tx.find("uoc", lookup);
      pauseUninterruptibly(pause);
      boolean created = tx.updateOrCreate("uoc", lookup, Map.of("v", value),
          Map.of("v", value, "w", 0, "version", 0)).created();
      pauseUninterruptibly(pause);
      return created;
    }));
  }

  private static TransactionOptions retrying() {
    return TransactionOptions.defaults().withRetry(RetryPolicy.standard());
  }

  /** One call into the library; its SQL errors are the callback's own, untranslated. */
  interface LibraryCall<T> {
    T run() throws SQLException;
  }

  /** Runs a library call, turning what reaches the caller into a {@link CallerFailure}. */
  static <T> T call(Actor actor, LibraryCall<T> body) throws CallerFailure, InterruptedException {
    try {
      return body.run();
    } catch (RacefreeException e) {
      throw new CallerFailure(observation(e), e);
    } catch (SQLException untranslated) {
      throw actor.failure(untranslated);
    } finally {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  static void transfer(Actor actor, long from, long to, long amount, Pause pause)
      throws CallerFailure, InterruptedException {
    Database database = actor.library();
    call(actor, () -> {
      database.useTransaction(retrying(), tx -> {
        tx.lockRowsInOrder("accounts", "id", List.of(from, to), RowLock.forUpdate());
        pauseUninterruptibly(pause);
        tx.update("accounts", Map.of("id", from), Assignments.subtract("balance", amount),
            Guard.none());
        tx.update("accounts", Map.of("id", to), Assignments.add("balance", amount),
            Guard.none());
      });
      return null;
    });
  }

  /**
   * A failure of the pause's own statement (a cluster node catching up, which meets the 1213 of a
   * transaction the other node's commit aborted) is thrown from the callback, where racefree
   * translates and retries it like any raw JDBC failure in a transaction.
   */
  private static void pauseUninterruptibly(Pause pause) throws SQLException {
    try {
      pause.here();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String observation(RacefreeException e) {
    return switch (e.category()) {
      case DEADLOCK -> Outcomes.DEADLOCK;
      case SERIALIZATION_FAILURE, STALE_VERSION -> Outcomes.SERIALIZATION_FAILURE;
      case LOCK_TIMEOUT, LOCK_NOT_AVAILABLE -> Outcomes.LOCK_TIMEOUT;
      case UNIQUE_VIOLATION -> Outcomes.DUPLICATE_KEY_ERROR;
      case NOT_FOUND -> Outcomes.NOT_FOUND_AFTER_DUPLICATE_KEY;
      case UNSUPPORTED_FEATURE -> Outcomes.REFUSED_UNSUPPORTED;
      case TRANSACTION_ABORTED -> Outcomes.ABORTED;
      default -> Outcomes.OTHER_ERROR;
    };
  }
}
