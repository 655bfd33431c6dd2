package io.racefree.testing;

/**
 * The body of an actor that returns nothing. It may throw checked exceptions: they become the
 * actor's {@link Outcome#failure() failure}. Runs on its actor's thread only.
 */
@FunctionalInterface
public interface ActorBody {
  /**
   * The actor's work.
   *
   * @throws Exception anything; it becomes the actor's failure
   */
  void run() throws Exception;
}
