package io.racefree.testing;

/**
 * The body of an actor that returns nothing. It may throw checked exceptions: they become the
 * actor's {@link Outcome#failure() failure}.
 */
@FunctionalInterface
public interface ActorBody {
  void run() throws Exception;
}
