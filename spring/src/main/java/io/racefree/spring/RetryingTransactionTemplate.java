package io.racefree.spring;

import io.racefree.Database;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TransactionStateException;
import io.racefree.tx.RetryAttempt;
import io.racefree.tx.RetryPolicy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transactional unit of work in a new Spring transaction and, when it fails with a
 * retryable racefree error (a deadlock, a serialization failure, a stale version, a lock timeout,
 * as the {@link RetryPolicy} says), rolls it back and runs it again from the start. Retrying must
 * happen outside the transaction: inside it (Spring's {@code @Retryable} on a {@code
 * @Transactional} method, or racefree's own policy on a joined transaction) the transaction is
 * already doomed and nothing would be retried. A failure of Spring's commit is judged by the
 * {@link SQLException} under it (PostgreSQL reports some serialization failures at commit).
 *
 * <p>The callback may run more than once: keep side effects in {@code onCommit} hooks or after
 * {@link #execute} returns. Thread-safe once configured (like {@link TransactionTemplate}).
 */
public final class RetryingTransactionTemplate {
  private final PlatformTransactionManager transactionManager;
  private final TransactionDefinition definition;
  private final Database database;
  private final RetryPolicy policy;

  /**
   * Default transaction definition, {@link RetryPolicy#standard()}.
   *
   * @param transactionManager runs each attempt's transaction
   * @param database where the transactions run, for judging driver errors by engine
   */
  public RetryingTransactionTemplate(PlatformTransactionManager transactionManager, Database database) {
    this(transactionManager, new DefaultTransactionDefinition(), database, RetryPolicy.standard());
  }

  /**
   * A template with its own definition and policy.
   *
   * @param transactionManager runs each attempt's transaction
   * @param definition propagation REQUIRED (then no transaction may be open on entry) or
   *     REQUIRES_NEW, with the isolation, read-only flag and timeout of each attempt
   * @param database where the transactions run, for judging driver errors by engine
   * @param policy which failures are retried, how often and how long
   */
  public RetryingTransactionTemplate(PlatformTransactionManager transactionManager,
      TransactionDefinition definition, Database database, RetryPolicy policy) {
    this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.database = Objects.requireNonNull(database, "database");
    this.policy = Objects.requireNonNull(policy, "policy");
    int propagation = definition.getPropagationBehavior();
    if (propagation != TransactionDefinition.PROPAGATION_REQUIRED
        && propagation != TransactionDefinition.PROPAGATION_REQUIRES_NEW) {
      throw new IllegalArgumentException("a retried unit of work needs a transaction of its own:"
          + " propagation REQUIRED or REQUIRES_NEW");
    }
  }

  /**
   * Runs {@code work} in a transaction, retried as the policy says. A failure that is not retried
   * (or the last one) is thrown as it came, with the earlier attempts' failures suppressed.
   *
   * @param <T> the work's result type
   * @param work the unit of work; it may run more than once
   * @return what the last attempt's work returned
   *
   * @throws TransactionStateException when called inside a transaction with propagation REQUIRED:
   *     the outer transaction owns the work, so only its owner can retry it
   */
  public <T> T execute(TransactionCallback<T> work) {
    if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRED
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new TransactionStateException(
          ErrorDetails.of("retrying transaction template", database.dialect().kind()),
          "a transaction is already open, so this unit of work would join it and could not be retried",
          "retry at the outermost transaction, or use propagation REQUIRES_NEW",
          null);
    }
    TransactionTemplate template = new TransactionTemplate(transactionManager, definition);
    RuntimeException first = null;
    long firstStarted = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        return template.execute(work);
      } catch (RuntimeException failure) {
        RacefreeException decisive = decisive(failure);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - firstStarted);
        boolean retry = decisive != null && policy.shouldRetry(decisive, attempt, elapsed);
        Duration delay = retry ? policy.delayBefore(attempt + 1, elapsed) : Duration.ZERO;
        if (decisive != null) {
          policy.listener().attemptFailed(new RetryAttempt(attempt, decisive, retry, delay));
        }
        if (!retry) {
          if (first != null && first != failure) {
            failure.addSuppressed(first);
          }
          throw failure;
        }
        if (first == null) {
          first = failure;
        }
        pause(delay, failure);
      }
    }
  }

  /** The racefree error a retry decision rests on, found in the cause chain, or null. */
  private RacefreeException decisive(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof io.racefree.error.TransactionAbortedException aborted
          && aborted.getCause() instanceof RacefreeException original) {
        return original;
      }
      if (cause instanceof RacefreeException racefree) {
        return racefree;
      }
      if (cause instanceof SQLException sql) {
        return SqlErrorTranslator.translate("commit", null, sql, database.dialect().kind());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static void pause(Duration delay, RuntimeException failure) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }
}
