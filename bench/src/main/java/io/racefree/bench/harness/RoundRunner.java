package io.racefree.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one contender for one round: {@code threads} threads call it in a loop until the round's
 * time is up. Each thread records its latencies in its own histogram. Not thread-safe; use one per
 * scenario and close it.
 */
final class RoundRunner implements AutoCloseable {
  private static final Duration STRAGGLER_WAIT = Duration.ofMinutes(3);
  private final int threads;
  private final ExecutorService executor;

  RoundRunner(int threads) {
    this.threads = threads;
    this.executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "bench-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** What one round measured. */
  record Round(long calls, long nanos, Histogram latencies) {}

  Round run(Contender contender, Tally tally, Duration length) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<Worker>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(contender.call(), tally);
      futures.add(executor.submit(() -> worker.loop(start, deadline)));
    }
    long begin = System.nanoTime();
    deadline[0] = begin + length.toNanos();
    start.countDown();
    Histogram merged = new Histogram(3);
    long calls = 0;
    for (Future<Worker> future : futures) {
      Worker worker = await(future, contender);
      merged.add(worker.latencies);
      calls += worker.calls;
    }
    return new Round(calls, System.nanoTime() - begin, merged);
  }

  private static Worker await(Future<Worker> future, Contender contender) throws InterruptedException {
    try {
      return future.get(STRAGGLER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a worker of " + contender.name() + " did not finish its round", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class Worker {
    private final Call call;
    private final Tally tally;
    private final Histogram latencies = new Histogram(3);
    private long calls;

    Worker(Call call, Tally tally) {
      this.call = call;
      this.tally = tally;
    }

    Worker loop(CountDownLatch start, long[] deadline) throws InterruptedException {
      start.await();
      long end = deadline[0];
      long now = System.nanoTime();
      while (now < end) {
        try {
          call.run(tally);
        } catch (Exception | AssertionError e) {
          tally.error(e);
        }
        long after = System.nanoTime();
        latencies.recordValue(Math.max(1, after - now));
        calls++;
        now = after;
      }
      return this;
    }
  }
}
