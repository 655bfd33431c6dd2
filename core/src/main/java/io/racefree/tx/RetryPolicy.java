package io.racefree.tx;

import io.racefree.error.ErrorCategory;
import io.racefree.error.RacefreeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures of an outermost transaction are retried, how often, and with what pause:
 * exponential backoff with full jitter (the pause is uniform between half and all of the
 * exponential delay). Immutable and thread-safe.
 *
 * <p>Only retryable categories can be retried (see {@link ErrorCategory#retryable()}).
 */
public final class RetryPolicy {
  private static final Set<ErrorCategory> STANDARD_CATEGORIES =
      EnumSet.of(
          ErrorCategory.SERIALIZATION_FAILURE, ErrorCategory.DEADLOCK, ErrorCategory.STALE_VERSION);

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Set<ErrorCategory> categories;
  private final RetryListener listener;

  private RetryPolicy(
      int maxAttempts,
      Duration initialDelay,
      Duration maxDelay,
      Set<ErrorCategory> categories,
      RetryListener listener) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    for (ErrorCategory category : categories) {
      if (!category.retryable()) {
        throw new IllegalArgumentException(category + " is not retryable");
      }
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.categories = Set.copyOf(categories);
    this.listener = listener;
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Set.of(), RetryListener.NONE);
  }

  /**
   * Up to 10 attempts on serialization failure, deadlock and stale version, starting at 5 ms and
   * doubling up to 500 ms.
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        10, Duration.ofMillis(5), Duration.ofMillis(500), STANDARD_CATEGORIES, RetryListener.NONE);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, categories, listener);
  }

  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, categories, listener);
  }

  public RetryPolicy retryingOn(ErrorCategory first, ErrorCategory... more) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, EnumSet.of(first, more), listener);
  }

  public RetryPolicy withListener(RetryListener newListener) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, categories, newListener);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Set<ErrorCategory> categories() {
    return categories;
  }

  public RetryListener listener() {
    return listener;
  }

  /** Whether attempt {@code number}, which failed with {@code failure}, is followed by another. */
  public boolean shouldRetry(RacefreeException failure, int number) {
    return number < maxAttempts && categories.contains(failure.category());
  }

  /** The pause before attempt {@code nextNumber} (2 for the first retry). */
  public Duration delayBefore(int nextNumber) {
    if (initialDelay.isZero()) {
      return Duration.ZERO;
    }
    long exponential = initialDelay.toNanos() << Math.min(nextNumber - 2, 20);
    long capped = Math.min(exponential, maxDelay.toNanos());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofNanos(jittered);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", categories=" + categories + "]";
  }
}
