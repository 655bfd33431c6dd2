package io.racefree.lab.scenario;

import io.racefree.Database;
import io.racefree.error.RacefreeException;
import io.racefree.lab.model.Outcomes;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.util.List;
import java.util.Map;

/**
 * The {@code racefree} strategy: the library's own calls, on the actor's connection. Transfer uses
 * a retrying transaction, {@code lockRowsInOrder} and atomic {@code update} with {@link
 * Assignments}. Get-or-create and update-or-create wait for the library's {@code io.racefree.upsert}
 * calls, which have not landed on {@code main} yet: until then those runs are SKIPPED.
 *
 * <p>Stateless and thread-safe.
 */
final class LibraryStrategy {
  private LibraryStrategy() {}

  /** Why the library cannot run this scenario yet, or null when it can. */
  static String unavailableReason(String scenario) {
    return "transfer".equals(scenario) ? null
        : "the racefree library's getOrCreate/updateOrCreate are not on main yet";
  }

  static void transfer(Actor actor, long from, long to, long amount, Pause pause)
      throws CallerFailure, InterruptedException {
    Database database = actor.library();
    TransactionOptions options = TransactionOptions.defaults().withRetry(RetryPolicy.standard());
    try {
      database.useTransaction(options, tx -> {
        tx.lockRowsInOrder("accounts", "id", List.of(from, to), RowLock.forUpdate());
        pauseUninterruptibly(pause);
        tx.update("accounts", Map.of("id", from), Assignments.subtract("balance", amount),
            Guard.none());
        tx.update("accounts", Map.of("id", to), Assignments.add("balance", amount),
            Guard.none());
      });
    } catch (RacefreeException e) {
      throw new CallerFailure(observation(e), e);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  private static void pauseUninterruptibly(Pause pause) {
    try {
      pause.here();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String observation(RacefreeException e) {
    return switch (e.category()) {
      case DEADLOCK -> Outcomes.DEADLOCK;
      case SERIALIZATION_FAILURE, STALE_VERSION -> Outcomes.SERIALIZATION_FAILURE;
      case LOCK_TIMEOUT, LOCK_NOT_AVAILABLE -> Outcomes.LOCK_TIMEOUT;
      case UNIQUE_VIOLATION -> Outcomes.DUPLICATE_KEY_ERROR;
      default -> Outcomes.OTHER_ERROR;
    };
  }
}
