package io.racefree.testing;

import io.racefree.testing.internal.Actor;
import io.racefree.testing.internal.Phases;
import io.racefree.testing.internal.StuckReport;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Forces one interleaving of named actors, each on its own thread, through named one-shot
 * phases: an actor {@link #reach reaches} a phase, others {@link #await await} it.
 *
 * <pre>{@code
 * try (Interleaving race = Interleaving.create(Duration.ofSeconds(20))) {
 *   race.actor("T1", () -> { read(); race.reach("T1 read"); race.await("T2 committed"); insert(); });
 *   race.actor("T2", () -> { race.await("T1 read"); insertAndCommit(); race.reach("T2 committed"); });
 *   race.run();
 * }
 * }</pre>
 *
 * <p>When an actor fails, phases not reached yet are broken, so actors waiting for them fail
 * with {@link PhaseNeverReachedException} at once instead of waiting for the timeout. When the
 * timeout passes, the {@link InterleavingTimeoutError} lists every actor, what it waits for and
 * its stack top; then the actors are interrupted.
 *
 * <p>Thread-safety: declare actors and call {@code run}/{@code close} from one thread (the test);
 * {@code reach}, {@code await} and {@code awaitBlocked} are thread-safe and meant for the actors.
 */
public final class Interleaving implements AutoCloseable {
  private static final long STOP_GRACE_MILLIS = 5_000;

  private final Duration timeout;
  private final Phases phases = new Phases();
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, Outcome<?>> outcomes = new ConcurrentHashMap<>();
  private final List<String> failureOrder = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean started;

  private Interleaving(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * A new interleaving whose run, and every wait inside it, gives up after {@code timeout}.
   *
   * @param timeout how long a phase, a wait or the whole run may take
   * @return a new interleaving whose run, and every wait inside it, gives up after {@code timeout}
   */
  public static Interleaving create(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    return new Interleaving(timeout);
  }

  /**
   * Declares an actor whose body returns nothing.
   *
   * @param name the actor's name
   * @param body the actor's work, run on its own thread
   */
  public void actor(String name, ActorBody body) {
    Objects.requireNonNull(body, "body");
    actor(name, () -> {
      body.run();
      return null;
    });
  }

  /**
   * Declares an actor whose body returns a value, found later in {@link Outcomes}.
   *
   * @param <T> the body's result type
   * @param name the actor's name
   * @param body the actor's work, run on its own thread
   */
  public <T> void actor(String name, Callable<T> body) {
    Objects.requireNonNull(body, "body");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
    if (started) {
      throw new IllegalStateException("cannot add actor " + name + ": the interleaving already ran");
    }
    if (actors.putIfAbsent(name, new Actor(name, body)) != null) {
      throw new IllegalArgumentException("duplicate actor name: " + name);
    }
  }

  /**
   * Runs all actors and waits for them.
   *
   * @throws ActorFailedException for the first actor that failed (others as suppressed)
   * @throws InterleavingTimeoutError if the actors did not all finish in time
   */
  public void run() {
    runCollecting().throwIfAnyFailed();
  }

  /**
   * Runs all actors and waits for them; failures are returned, not thrown.
   *
   * @throws InterleavingTimeoutError if the actors did not all finish in time
   * @return every actor's outcome
   */
  public Outcomes runCollecting() {
    startAll();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Actor actor : actors.values()) {
      joinUntil(actor.thread(), deadline);
    }
    if (actors.values().stream().anyMatch(Actor::isAlive)) {
      String report = StuckReport.describe(
          "Interleaving timed out", timeout, actors.values(), phases.reachedInOrder());
      stopActors();
      throw new InterleavingTimeoutError(report + stillRunningNote());
    }
    Map<String, Outcome<?>> ordered = new LinkedHashMap<>();
    actors.keySet().forEach(name -> ordered.put(name, outcomes.get(name)));
    return new Outcomes(ordered, List.copyOf(failureOrder));
  }

  /**
   * Marks {@code phase} as reached, releasing everyone waiting for it.
   *
   * @throws IllegalStateException if the phase was reached before (phases are one-shot)
   * @param phase the phase's name
   */
  public void reach(String phase) {
    Actor self = currentActor();
    phases.reach(Objects.requireNonNull(phase, "phase"), self == null ? "the test thread" : self.name());
  }

  /**
   * Waits until {@code phase} is reached.
   *
   * @throws PhaseNeverReachedException if an actor failed before the phase was reached
   * @throws InterleavingTimeoutError if the phase was not reached within the timeout
   * @throws CancellationException if the thread was interrupted (the run timed out or was closed)
   * @param phase the phase's name
   */
  public void await(String phase) {
    Objects.requireNonNull(phase, "phase");
    long waitNanos = ownWaitLimit().toNanos();
    Phases.WaitResult result = whileWaitingFor("phase '" + phase + "'", () -> {
      try {
        return phases.await(phase, waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for phase '" + phase + "'");
      }
    });
    if (result == Phases.WaitResult.BROKEN) {
      throw new PhaseNeverReachedException(phase, phases.brokenReason());
    }
    if (result == Phases.WaitResult.TIMED_OUT) {
      throw new InterleavingTimeoutError(StuckReport.describe("Phase '" + phase + "' was not reached",
          timeout, actors.values(), phases.reachedInOrder()));
    }
  }

  /**
   * Waits, by polling the database through {@code observer}, until the session of actor
   * {@code actorName} waits on a lock. Use a separate connection as observer.
   *
   * @throws SessionNotBlockedError if the actor finished instead, or did not block in time
   * @throws UnsupportedOperationException for SQLite (see {@link BlockedSessions})
   * @param actorName the actor's name, for the error if it never waits
   * @param observer a connection of its own that reads the server's lock views
   * @param session the actor's session
   */
  public void awaitBlocked(String actorName, Connection observer, SessionProbe session) {
    Actor target = actors.get(actorName);
    if (target == null) {
      throw new IllegalArgumentException("no actor named '" + actorName + "'; actors: " + actors.keySet());
    }
    whileWaitingFor(actorName + " (" + session + ") to wait on a lock in the database", () ->
        BlockedSessions.awaitWaiting(observer, session, ownWaitLimit(), actorName, target::finished));
  }

  /**
   * Inside a run, the run's own deadline ends the wait (it reports every actor, then interrupts
   * them), so an actor waits longer than the timeout to leave the report to the run.
   */
  private Duration ownWaitLimit() {
    return currentActor() == null ? timeout : timeout.plusMillis(STOP_GRACE_MILLIS).multipliedBy(2);
  }

  /** Interrupts actors still running and waits a few seconds for their threads to end. */
  @Override
  public void close() {
    stopActors();
  }

  private <R> R whileWaitingFor(String what, java.util.function.Supplier<R> wait) {
    Actor self = currentActor();
    if (self != null) {
      self.waitingFor(what);
    }
    try {
      return wait.get();
    } finally {
      if (self != null) {
        self.waitingFor(null);
      }
    }
  }

  private void startAll() {
    if (started) {
      throw new IllegalStateException("an interleaving runs once; create a new one");
    }
    if (actors.isEmpty()) {
      throw new IllegalStateException("no actors declared");
    }
    started = true;
    for (Actor actor : actors.values()) {
      Thread thread = new Thread(() -> execute(actor), "interleaving-" + actor.name());
      thread.setDaemon(true);
      actor.attach(thread);
    }
    actors.values().forEach(actor -> actor.thread().start());
  }

  private void execute(Actor actor) {
    try {
      outcomes.put(actor.name(), Outcome.succeeded(actor.name(), actor.body().call()));
    } catch (Throwable failure) {
      outcomes.put(actor.name(), Outcome.failed(actor.name(), failure));
      failureOrder.add(actor.name());
      phases.breakAll("actor " + actor.name() + " failed with " + failure);
    } finally {
      actor.markFinished();
    }
  }

  private Actor currentActor() {
    Thread current = Thread.currentThread();
    return actors.values().stream().filter(actor -> actor.thread() == current).findFirst().orElse(null);
  }

  private void stopActors() {
    actors.values().stream().filter(Actor::isAlive).forEach(actor -> actor.thread().interrupt());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
    actors.values().stream().filter(Actor::isAlive).forEach(actor -> joinUntil(actor.thread(), deadline));
  }

  private String stillRunningNote() {
    List<String> running = actors.values().stream().filter(Actor::isAlive).map(Actor::name).toList();
    return running.isEmpty() ? "\nAll actors ended after being interrupted."
        : "\nStill running after interrupt (a JDBC call ignores interrupts; closing or aborting its"
            + " connection ends it): " + running;
  }

  private static void joinUntil(Thread thread, long deadlineNanos) {
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (remainingMillis <= 0) {
      return;
    }
    try {
      thread.join(remainingMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for actor " + thread.getName());
    }
  }
}
