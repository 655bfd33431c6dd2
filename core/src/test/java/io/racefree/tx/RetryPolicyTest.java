package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.error.DeadlockException;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.UniqueViolationException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final ErrorDetails DETAILS = ErrorDetails.of("test", null);

  @Test
  void retriesOnlyItsCategoriesAndOnlyUpToTheLimit() {
    RetryPolicy policy = RetryPolicy.standard().withMaxAttempts(3);
    DeadlockException deadlock = new DeadlockException(DETAILS, "deadlock", null);
    assertThat(policy.shouldRetry(deadlock, 1)).isTrue();
    assertThat(policy.shouldRetry(deadlock, 2)).isTrue();
    assertThat(policy.shouldRetry(deadlock, 3)).isFalse();
    assertThat(policy.shouldRetry(new UniqueViolationException(DETAILS, "uk", "dup", null), 1)).isFalse();
    assertThat(RetryPolicy.none().shouldRetry(deadlock, 1)).isFalse();
  }

  /** Contention comes in bursts: the standard policy outlasts one (an 11th attempt) but not 5 s. */
  @Test
  void theStandardPolicyIsBoundedByTimeRatherThanByAFewAttempts() {
    RetryPolicy standard = RetryPolicy.standard();
    DeadlockException deadlock = new DeadlockException(DETAILS, "deadlock", null);
    assertThat(standard.timeBudget()).contains(Duration.ofSeconds(5));
    assertThat(standard.maxAttempts()).isEqualTo(100);
    assertThat(standard.shouldRetry(deadlock, 11, Duration.ofSeconds(1))).isTrue();
    assertThat(standard.shouldRetry(deadlock, 2, Duration.ofSeconds(5))).isFalse();
    assertThat(standard.shouldRetry(deadlock, 100, Duration.ofSeconds(1))).isFalse();
  }

  @Test
  void aTimeBudgetEndsTheRetriesAndCutsThePauseToWhatIsLeft() {
    RetryPolicy policy = RetryPolicy.standard().withMaxAttempts(1000).withTimeBudget(Duration.ofSeconds(2));
    DeadlockException deadlock = new DeadlockException(DETAILS, "deadlock", null);
    assertThat(policy.timeBudget()).contains(Duration.ofSeconds(2));
    assertThat(policy.shouldRetry(deadlock, 50, Duration.ofMillis(1999))).isTrue();
    assertThat(policy.shouldRetry(deadlock, 2, Duration.ofSeconds(2))).isFalse();
    assertThat(policy.delayBefore(40, Duration.ofMillis(1990))).isLessThanOrEqualTo(Duration.ofMillis(10));
    assertThat(RetryPolicy.standard().withMaxAttempts(10).shouldRetry(deadlock, 2, Duration.ofSeconds(4))).isTrue();
    assertThatThrownBy(() -> RetryPolicy.standard().withTimeBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time budget");
    assertThatThrownBy(() -> RetryPolicy.standard().withTimeBudget(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Draws the lowest or the highest value a bounded draw may give. */
  private static RandomGenerator always(boolean highest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new AssertionError("only bounded draws are expected");
      }

      @Override
      public long nextLong(long bound) {
        return highest ? bound - 1 : 0;
      }
    };
  }

  @Test
  void equalJitterSpansHalfToAllOfTheCappedExponentialDelay() {
    RetryPolicy policy = RetryPolicy.standard().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    RandomGenerator lowest = always(false);
    RandomGenerator highest = always(true);
    assertThat(policy.delayBefore(2, lowest)).isEqualTo(Duration.ofMillis(5));
    assertThat(policy.delayBefore(2, highest)).isEqualTo(Duration.ofMillis(10));
    assertThat(policy.delayBefore(3, lowest)).isEqualTo(Duration.ofMillis(10));
    assertThat(policy.delayBefore(3, highest)).isEqualTo(Duration.ofMillis(20));
    assertThat(policy.delayBefore(4, lowest)).isEqualTo(Duration.ofMillis(20));
    assertThat(policy.delayBefore(9, lowest)).as("capped").isEqualTo(Duration.ofMillis(20));
    assertThat(policy.delayBefore(9, highest)).as("capped").isEqualTo(Duration.ofMillis(40));
    assertThat(policy.delayBefore(500, highest)).as("no overflow").isEqualTo(Duration.ofMillis(40));
  }

  @Test
  void seededDrawsFillTheWholeJitterRange() {
    RetryPolicy policy = RetryPolicy.standard().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    SplittableRandom random = new SplittableRandom(42);
    Duration least = Duration.ofDays(1);
    Duration most = Duration.ZERO;
    for (int i = 0; i < 1000; i++) {
      Duration delay = policy.delayBefore(3, random);
      assertThat(delay).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
      least = delay.compareTo(least) < 0 ? delay : least;
      most = delay.compareTo(most) > 0 ? delay : most;
    }
    assertThat(least).isLessThan(Duration.ofMillis(11));
    assertThat(most).isGreaterThan(Duration.ofMillis(19));
  }

  @Test
  void badArgumentsFailWhenThePolicyIsBuilt() {
    RetryPolicy standard = RetryPolicy.standard();
    assertThatThrownBy(() -> standard.withBackoff(Duration.ofMillis(-1), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> standard.withBackoff(Duration.ofMillis(1), Duration.ofMillis(-10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> standard.withBackoff(Duration.ofMillis(20), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the maximum");
    assertThatThrownBy(() -> standard.withBackoff(null, Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.withBackoff(Duration.ZERO, Duration.ofDays(400)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.withListener(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.retryingOn(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(standard.withBackoff(Duration.ZERO, Duration.ZERO).delayBefore(2)).isEqualTo(Duration.ZERO);
  }

  @Test
  void nonRetryableCategoriesAreRefused() {
    assertThatThrownBy(() -> RetryPolicy.standard().retryingOn(ErrorCategory.UNIQUE_VIOLATION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNIQUE_VIOLATION");
  }
}
