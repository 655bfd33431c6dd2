package io.racefree.tx;

import io.racefree.error.ErrorCategory;
import io.racefree.error.RacefreeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Which failures of an outermost transaction are retried, how often, and with what pause:
 * exponential backoff with equal jitter (the pause before attempt n is uniform between half and all
 * of {@code min(initial * 2^(n-2), max)}, so it never drops below half the exponential delay).
 * Immutable and thread-safe.
 *
 * <p>Only retryable categories can be retried (see {@link ErrorCategory#retryable()}). Every builder
 * method checks its arguments when called: a bad value (null, a negative duration, an initial delay
 * above the maximum, fewer than one attempt, a category that is not retryable) throws {@link
 * IllegalArgumentException} there, never later during a retry. In the transactions racefree runs,
 * a listener that throws, or an interrupt while pausing, never replaces the failure being retried:
 * it is added to it as a suppressed exception (an interrupt also ends the retries, the thread's
 * interrupt flag kept).
 */
public final class RetryPolicy {
  private static final Set<ErrorCategory> STANDARD_CATEGORIES =
      EnumSet.of(
          ErrorCategory.SERIALIZATION_FAILURE, ErrorCategory.DEADLOCK, ErrorCategory.STALE_VERSION);

  private static final int STANDARD_MAX_ATTEMPTS = 100;
  private static final Duration STANDARD_TIME_BUDGET = Duration.ofSeconds(5);
  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Set<ErrorCategory> categories;
  private final RetryListener listener;
  private final Duration timeBudget;

  private RetryPolicy(
      int maxAttempts,
      Duration initialDelay,
      Duration maxDelay,
      Set<ErrorCategory> categories,
      RetryListener listener,
      Duration timeBudget) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialDelay == null || maxDelay == null) {
      throw new IllegalArgumentException("the backoff delays must not be null");
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException(
          "the backoff delays must not be negative, were " + initialDelay + " and " + maxDelay);
    }
    if (maxDelay.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("the maximum delay " + maxDelay + " is above one day");
    }
    if (initialDelay.compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException(
          "the initial delay " + initialDelay + " is above the maximum " + maxDelay);
    }
    if (listener == null) {
      throw new IllegalArgumentException("the listener must not be null; use RetryListener.NONE");
    }
    for (ErrorCategory category : categories) {
      if (category == null || !category.retryable()) {
        throw new IllegalArgumentException(category + " is not retryable");
      }
    }
    if (timeBudget != null && (timeBudget.isNegative() || timeBudget.isZero())) {
      throw new IllegalArgumentException("the time budget must be positive, was " + timeBudget);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.categories = Set.copyOf(categories);
    this.listener = listener;
    this.timeBudget = timeBudget;
  }

  /**
   * One attempt, no retries.
   *
   * @return one attempt, no retries
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Set.of(), RetryListener.NONE, null);
  }

  /**
   * Retries serialization failure, deadlock and stale version for up to 5 s (at most 100 attempts),
   * pausing from 5 ms, doubling up to 500 ms, with jitter: bounded by time rather than by a count
   * that a burst of conflicts under contention uses up in a few hundred milliseconds.
   *
   * @return the standard policy
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(STANDARD_MAX_ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(500), STANDARD_CATEGORIES,
        RetryListener.NONE, STANDARD_TIME_BUDGET);
  }

  /**
   * At most {@code attempts} attempts in all (1: no retry).
   *
   * @param attempts attempts in all, at least 1
   * @return a policy like this one with that limit
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, categories, listener, timeBudget);
  }

  /**
   * The pause before the first retry is about {@code initial}, doubling up to {@code max}.
   *
   * @param initial the first pause, positive
   * @param max the longest pause, at least {@code initial}
   * @return a policy like this one with that backoff
   */
  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, categories, listener, timeBudget);
  }

  /**
   * These categories (each retryable) instead of the current ones.
   *
   * @param first a retryable category
   * @param more more retryable categories
   * @return a policy like this one retrying on those categories
   */
  public RetryPolicy retryingOn(ErrorCategory first, ErrorCategory... more) {
    if (first == null || more == null || Arrays.asList(more).contains(null)) {
      throw new IllegalArgumentException("the categories must not be null");
    }
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, EnumSet.of(first, more), listener, timeBudget);
  }

  /**
   * {@code newListener} sees every failed attempt (see {@link RetryListener}).
   *
   * @param newListener sees every failed attempt
   * @return a policy like this one with that listener
   */
  public RetryPolicy withListener(RetryListener newListener) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, categories, newListener, timeBudget);
  }

  /**
   * Bounds the retries by time as well as by count: no attempt starts once {@code budget} has
   * passed since the first began, and a pause never reaches past it. Under heavy contention a
   * budget with a high attempt count ({@code withMaxAttempts(1000).withTimeBudget(...)}) keeps
   * retrying as long as the caller can wait, where a fixed count gives up after a burst of
   * conflicts.
   *
   * @param budget the longest time from the first attempt's start to the last one's, positive
   * @return a policy like this one with that budget
   */
  public RetryPolicy withTimeBudget(Duration budget) {
    if (budget == null) {
      throw new IllegalArgumentException("the time budget must not be null");
    }
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, categories, listener, budget);
  }

  /**
   * The time budget of {@link #withTimeBudget}, if any.
   *
   * @return the budget, or empty when only the attempt count bounds the retries
   */
  public java.util.Optional<Duration> timeBudget() {
    return java.util.Optional.ofNullable(timeBudget);
  }

  /**
   * Whether attempt {@code number}, which failed with {@code failure} when {@code elapsed} had
   * passed since the first attempt began, is followed by another: as {@link #shouldRetry(
   * RacefreeException, int)}, and within the time budget.
   *
   * @param failure the failure of that attempt
   * @param number the attempt that failed, 1 for the first
   * @param elapsed the time since the first attempt began
   * @return true when another attempt follows
   */
  public boolean shouldRetry(RacefreeException failure, int number, Duration elapsed) {
    return shouldRetry(failure, number) && (timeBudget == null || elapsed.compareTo(timeBudget) < 0);
  }

  /**
   * The pause before attempt {@code nextNumber}, cut so that it ends within the time budget.
   *
   * @param nextNumber the attempt that follows, 2 for the first retry
   * @param elapsed the time since the first attempt began
   * @return the pause
   */
  public Duration delayBefore(int nextNumber, Duration elapsed) {
    Duration delay = delayBefore(nextNumber);
    if (timeBudget == null) {
      return delay;
    }
    Duration left = timeBudget.minus(elapsed);
    return left.isNegative() ? Duration.ZERO : delay.compareTo(left) > 0 ? left : delay;
  }

  /**
   * The most attempts a transaction gets, the first included.
   *
   * @return the attempt limit, at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The categories retried.
   *
   * @return the categories retried
   */
  public Set<ErrorCategory> categories() {
    return categories;
  }

  /**
   * The listener of failed attempts.
   *
   * @return the listener of failed attempts
   */
  public RetryListener listener() {
    return listener;
  }

  /**
   * Whether attempt {@code number}, which failed with {@code failure}, is followed by another.
   *
   * @param failure what the attempt failed with
   * @param number the failed attempt's number, from 1
   * @return whether attempt {@code number}, which failed with {@code failure}, is followed by another
   */
  public boolean shouldRetry(RacefreeException failure, int number) {
    return number < maxAttempts && categories.contains(failure.category());
  }

  /**
   * The pause before attempt {@code nextNumber} (2 for the first retry).
   *
   * @param nextNumber the number of the attempt about to start
   * @return the pause before attempt {@code nextNumber} (2 for the first retry)
   */
  public Duration delayBefore(int nextNumber) {
    return delayBefore(nextNumber, ThreadLocalRandom.current());
  }

  /** {@link #delayBefore(int)} drawing the jitter from {@code random}. */
  Duration delayBefore(int nextNumber, RandomGenerator random) {
    if (initialDelay.isZero()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(Math.max(nextNumber - 2, 0), 20);
    long initial = initialDelay.toNanos();
    long exponential = initial > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : initial << doublings;
    long capped = Math.min(exponential, maxDelay.toNanos());
    long half = capped / 2;
    return Duration.ofNanos(half + random.nextLong(capped - half + 1));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + (timeBudget == null ? "" : ", timeBudget=" + timeBudget)
        + ", categories=" + categories + "]";
  }
}
