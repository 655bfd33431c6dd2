package io.racefree.testing;

/**
 * An actor of an {@link Interleaving} threw; the cause is what it threw. Failures of other actors
 * are attached as suppressed exceptions. Immutable (suppressed exceptions aside).
 */
public final class ActorFailedException extends RuntimeException {
  /** The name of the actor that failed. */
  private final String actor;

  /**
   * An actor failed.
   *
   * @param actor the actor's name
   * @param cause what it threw
   */
  public ActorFailedException(String actor, Throwable cause) {
    super("actor " + actor + " failed: " + cause, cause);
    this.actor = actor;
  }

  /**
   * The name of the actor that failed.
   *
   * @return the name of the actor that failed
   */
  public String actor() {
    return actor;
  }
}
