package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.error.DeadlockException;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.UniqueViolationException;
import java.time.Duration;
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

  @Test
  void backoffGrowsWithJitterAndIsCapped() {
    RetryPolicy policy = RetryPolicy.standard().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    for (int i = 0; i < 50; i++) {
      assertThat(policy.delayBefore(2)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
      assertThat(policy.delayBefore(3)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
      assertThat(policy.delayBefore(9)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
    }
  }

  @Test
  void nonRetryableCategoriesAreRefused() {
    assertThatThrownBy(() -> RetryPolicy.standard().retryingOn(ErrorCategory.UNIQUE_VIOLATION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNIQUE_VIOLATION");
  }
}
