package io.racefree.testing.internal;

import java.util.concurrent.Callable;

/**
 * One named actor: its body, its thread and what it is waiting for right now (for diagnostics).
 * The fields read by other threads are volatile.
 */
public final class Actor {
  private final String name;
  private final Callable<?> body;
  private volatile Thread thread;
  private volatile String waitingFor;
  private volatile boolean finished;

  public Actor(String name, Callable<?> body) {
    this.name = name;
    this.body = body;
  }

  public String name() {
    return name;
  }

  public Callable<?> body() {
    return body;
  }

  public Thread thread() {
    return thread;
  }

  public void attach(Thread thread) {
    this.thread = thread;
  }

  /** What the actor waits for inside the kit (a phase, another session), or null. */
  public String waitingFor() {
    return waitingFor;
  }

  public void waitingFor(String what) {
    this.waitingFor = what;
  }

  public boolean finished() {
    return finished;
  }

  public void markFinished() {
    this.finished = true;
  }

  public boolean isAlive() {
    Thread current = thread;
    return current != null && current.isAlive();
  }
}
