package io.racefree.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Named one-shot latches. A phase is reached once; waiting for it returns as soon as it is reached
 * or the phases are broken (an actor failed). Thread-safe.
 */
public final class Phases {
  /** What happened to a wait. */
  public enum WaitResult {
    REACHED,
    BROKEN,
    TIMED_OUT
  }

  private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();
  private final Map<String, String> reachedBy = new ConcurrentHashMap<>();
  private final List<String> reachedInOrder = new ArrayList<>();
  private volatile String brokenReason;

  /**
   * Marks the phase as reached.
   *
   * @throws IllegalStateException if it was reached before
   */
  public void reach(String phase, String by) {
    String earlier = reachedBy.putIfAbsent(phase, by);
    if (earlier != null) {
      throw new IllegalStateException(
          "phase '" + phase + "' was already reached (by " + earlier + "); phases are one-shot");
    }
    synchronized (reachedInOrder) {
      reachedInOrder.add(phase);
    }
    latch(phase).countDown();
  }

  public boolean isReached(String phase) {
    return reachedBy.containsKey(phase);
  }

  public WaitResult await(String phase, long timeoutNanos) throws InterruptedException {
    boolean released = latch(phase).await(timeoutNanos, TimeUnit.NANOSECONDS);
    if (isReached(phase)) {
      return WaitResult.REACHED;
    }
    return released ? WaitResult.BROKEN : WaitResult.TIMED_OUT;
  }

  /** Releases every waiter of a phase not reached yet, now and later; they see {@link WaitResult#BROKEN}. */
  public void breakAll(String reason) {
    if (brokenReason == null) {
      brokenReason = reason;
    }
    latches.values().forEach(CountDownLatch::countDown);
  }

  public String brokenReason() {
    return brokenReason;
  }

  public List<String> reachedInOrder() {
    synchronized (reachedInOrder) {
      return List.copyOf(reachedInOrder);
    }
  }

  private CountDownLatch latch(String phase) {
    CountDownLatch latch = latches.computeIfAbsent(phase, name -> new CountDownLatch(1));
    if (brokenReason != null) {
      latch.countDown();
    }
    return latch;
  }
}
