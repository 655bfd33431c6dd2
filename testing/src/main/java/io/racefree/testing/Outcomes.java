package io.racefree.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of all actors of one {@link Interleaving} run, by actor name. Immutable and
 * thread-safe.
 */
public final class Outcomes {
  private final Map<String, Outcome<?>> byActor;
  private final List<Outcome<?>> failuresInOrder;

  Outcomes(Map<String, Outcome<?>> byActor, List<String> failureOrder) {
    this.byActor = Collections.unmodifiableMap(new LinkedHashMap<>(byActor));
    List<Outcome<?>> failures = new ArrayList<>();
    for (String actor : failureOrder) {
      failures.add(byActor.get(actor));
    }
    this.failuresInOrder = List.copyOf(failures);
  }

  /**
   * The outcome of the named actor.
   *
   * @throws IllegalArgumentException if there is no actor with that name
   * @param actor the actor's name
   * @return the outcome of the named actor
   */
  public Outcome<?> of(String actor) {
    Outcome<?> outcome = byActor.get(actor);
    if (outcome == null) {
      throw new IllegalArgumentException("no actor named '" + actor + "'; actors: " + byActor.keySet());
    }
    return outcome;
  }

  /**
   * All outcomes, in the order the actors were declared.
   *
   * @return all outcomes, in the order the actors were declared
   */
  public List<Outcome<?>> all() {
    return List.copyOf(byActor.values());
  }

  /**
   * The failures, in the order they happened.
   *
   * @return the failures, in the order they happened
   */
  public List<Outcome<?>> failures() {
    return failuresInOrder;
  }

  /**
   * The failure that happened first, if any actor failed.
   *
   * @return the failure that happened first, if any actor failed
   */
  public Optional<Outcome<?>> firstFailure() {
    return failuresInOrder.stream().findFirst();
  }

  /**
   * Throws an {@link ActorFailedException} for the first failure (later ones suppressed); does
   * nothing when every actor succeeded.
   */
  public void throwIfAnyFailed() {
    if (failuresInOrder.isEmpty()) {
      return;
    }
    Outcome<?> first = failuresInOrder.get(0);
    ActorFailedException exception = new ActorFailedException(first.actor(), first.failure());
    for (Outcome<?> later : failuresInOrder.subList(1, failuresInOrder.size())) {
      exception.addSuppressed(new ActorFailedException(later.actor(), later.failure()));
    }
    throw exception;
  }

  @Override
  public String toString() {
    return byActor.values().toString();
  }
}
