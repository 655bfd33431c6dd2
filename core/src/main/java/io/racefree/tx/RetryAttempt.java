package io.racefree.tx;

import io.racefree.error.RacefreeException;
import java.time.Duration;

/**
 * One failed attempt of a transaction. Immutable and thread-safe.
 *
 * @param number 1 for the first attempt
 * @param failure why it failed
 * @param willRetry whether another attempt follows
 * @param delay the pause before the next attempt, zero when none follows
 */
public record RetryAttempt(int number, RacefreeException failure, boolean willRetry, Duration delay) {}
