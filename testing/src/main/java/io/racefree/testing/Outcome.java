package io.racefree.testing;

import java.util.Objects;

/**
 * What one actor of an {@link Interleaving} ended with: a value (possibly {@code null}) or the
 * exception its body threw. Immutable and thread-safe.
 *
 * @param <T> the type of the value returned by the actor's body
 */
public final class Outcome<T> {
  private final String actor;
  private final T value;
  private final Throwable failure;

  private Outcome(String actor, T value, Throwable failure) {
    this.actor = Objects.requireNonNull(actor, "actor");
    this.value = value;
    this.failure = failure;
  }

  static <T> Outcome<T> succeeded(String actor, T value) {
    return new Outcome<>(actor, value, null);
  }

  static <T> Outcome<T> failed(String actor, Throwable failure) {
    return new Outcome<>(actor, null, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * The name of the actor.
   *
   * @return the name of the actor
   */
  public String actor() {
    return actor;
  }

  /**
   * True when the actor's body returned normally.
   *
   * @return true when the actor's body returned normally
   */
  public boolean succeeded() {
    return failure == null;
  }

  /**
   * The value the actor's body returned ({@code null} for an {@link ActorBody}).
   *
   * @throws AssertionError if the actor failed; the failure is the cause
   * @return the value the actor's body returned ({@code null} for an {@link ActorBody})
   */
  public T value() {
    if (failure != null) {
      throw new AssertionError("actor " + actor + " failed instead of returning a value: " + failure, failure);
    }
    return value;
  }

  /**
   * The exception the actor's body threw.
   *
   * @throws AssertionError if the actor succeeded
   * @return the exception the actor's body threw
   */
  public Throwable failure() {
    if (failure == null) {
      throw new AssertionError("actor " + actor + " succeeded (value " + value + ") instead of failing");
    }
    return failure;
  }

  @Override
  public String toString() {
    return failure == null ? actor + " returned " + value : actor + " failed with " + failure;
  }
}
