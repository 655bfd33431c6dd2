package io.racefree.internal;

import io.racefree.DatabaseListener;
import io.racefree.error.ErrorCategory;
import io.racefree.error.RacefreeException;
import io.racefree.lock.LockWait;
import io.racefree.tx.RetryAttempt;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where racefree reports contention: the {@link DatabaseListener} of the database and the {@code
 * io.racefree} {@link System.Logger} (retries, conflicts, lock waits and refusals at DEBUG; a
 * transaction that gave up after retries at INFO). Log lines carry the task, category and codes,
 * never exception messages (a driver's message may quote values). Thread-safe. Not API.
 */
public final class Events {
  private static final System.Logger LOG = System.getLogger("io.racefree");

  private static final Set<ErrorCategory> CONFLICTS = EnumSet.of(ErrorCategory.DEADLOCK,
      ErrorCategory.SERIALIZATION_FAILURE, ErrorCategory.LOCK_TIMEOUT,
      ErrorCategory.LOCK_NOT_AVAILABLE, ErrorCategory.STALE_VERSION);

  private static final Set<ErrorCategory> REFUSALS = EnumSet.of(ErrorCategory.UNSUPPORTED_FEATURE,
      ErrorCategory.TRANSACTION_STATE, ErrorCategory.INVALID_REQUEST);

  private final DatabaseListener listener;

  public Events(DatabaseListener listener) {
    this.listener = listener == null ? DatabaseListener.NONE : listener;
  }

  public DatabaseListener listener() {
    return listener;
  }

  /** Whether {@code category} is a conflict with another transaction. */
  public static boolean isConflict(ErrorCategory category) {
    return CONFLICTS.contains(category);
  }

  /** A failed statement racefree is about to throw: a conflict is logged and reported. */
  public void failed(RacefreeException failure) {
    if (CONFLICTS.contains(failure.category())) {
      LOG.log(Level.DEBUG, () -> "conflict: " + describe(failure));
      notify(() -> listener.conflict(failure));
    }
  }

  /** Logs {@code failure} if it is a refusal (unsupported, misuse, bad request). */
  public void refused(RacefreeException failure) {
    if (REFUSALS.contains(failure.category())) {
      LOG.log(Level.DEBUG, () -> "refused: " + describe(failure));
    }
  }

  /** "100", or "100 within 5 s" for a policy with a time budget. */
  private static String limits(io.racefree.tx.RetryPolicy policy) {
    return policy.maxAttempts() + policy.timeBudget().map(budget -> " within " + (budget.toMillis() % 1000 == 0
        ? budget.toSeconds() + " s" : budget.toMillis() + " ms")).orElse("");
  }

  /** An attempt of an outermost transaction failed. */
  public void attemptFailed(RetryAttempt attempt, io.racefree.tx.RetryPolicy policy) {
    if (attempt.willRetry()) {
      LOG.log(Level.DEBUG, () -> "retrying transaction: attempt " + attempt.number() + " of "
          + limits(policy) + " failed with " + describe(attempt.failure()) + "; next in "
          + attempt.delay().toMillis() + " ms");
    } else if (attempt.number() > 1) {
      LOG.log(Level.INFO, () -> "transaction failed after " + attempt.number() + " attempts: "
          + describe(attempt.failure()));
    }
    notify(() -> listener.attemptFailed(attempt));
  }

  /** Runs {@code request}, reporting it as a lock wait when it was granted or refused by a conflict. */
  public <T> T lockWait(LockWait.Kind kind, String task, Supplier<T> request) {
    long start = System.nanoTime();
    T result;
    try {
      result = request.get();
    } catch (RacefreeException failure) {
      if (CONFLICTS.contains(failure.category())) {
        lockWaited(new LockWait(kind, task, false, Duration.ofNanos(System.nanoTime() - start)));
      }
      throw failure;
    }
    boolean granted = !Boolean.FALSE.equals(result);
    lockWaited(new LockWait(kind, task, granted, Duration.ofNanos(System.nanoTime() - start)));
    return result;
  }

  private void lockWaited(LockWait wait) {
    LOG.log(Level.DEBUG, () -> "lock wait: " + wait.kind() + " " + wait.task()
        + (wait.granted() ? " granted" : " not granted") + " after " + wait.waited().toMillis() + " ms");
    notify(() -> listener.lockWaited(wait));
  }

  private static String describe(RacefreeException failure) {
    StringBuilder text = new StringBuilder(failure.category().name()).append(" in ").append(failure.task());
    if (failure.database() != null) {
      text.append(" on ").append(failure.database().displayName());
    }
    if (failure.sqlState() != null || failure.vendorCode() != 0) {
      text.append(" (SQLState ").append(failure.sqlState()).append(", vendor code ")
          .append(failure.vendorCode()).append(')');
    }
    return text.toString();
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a DatabaseListener threw; ignored", e);
    }
  }
}
