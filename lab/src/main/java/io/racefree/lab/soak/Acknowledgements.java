package io.racefree.lab.soak;

import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.RacefreeException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the soak's callers were told: rows they got, increments and transfers that returned, the
 * ones whose outcome is unknown, and every error by category. The checks compare the database
 * with this afterwards.
 *
 * <p>Thread-safe.
 */
final class Acknowledgements {
  final Set<Long> createdKeys = ConcurrentHashMap.newKeySet();
  final Map<Long, AtomicLong> increments = new ConcurrentHashMap<>();
  final Map<Long, AtomicLong> incrementsUnknown = new ConcurrentHashMap<>();
  final Set<String> transfers = ConcurrentHashMap.newKeySet();
  final Set<String> transfersUnknown = ConcurrentHashMap.newKeySet();
  /** Transfers whose caller got an error (other than an unknown commit outcome): id to that error. */
  final Map<String, String> transfersFailed = new ConcurrentHashMap<>();
  private final Map<String, java.util.Queue<long[]>> jobs = new ConcurrentHashMap<>();
  final AtomicLong completed = new AtomicLong();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final AtomicLong untyped = new AtomicLong();
  private final Map<String, String> examples = new ConcurrentHashMap<>();
  private final AtomicReference<String> firstUntyped = new AtomicReference<>();

  void increment(long key) {
    increments.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  void incrementUnknown(long key) {
    incrementsUnknown.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  /** A job that committed under lock {@code name}, with when it started and ended (nanoTime). */
  void jobRan(String name, long entered, long left) {
    jobs.computeIfAbsent(name, n -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(new long[] {entered, left});
  }

  /** Committed jobs under one lock that started before the previous one had ended. */
  long jobOverlaps() {
    long overlaps = 0;
    for (java.util.Queue<long[]> ran : jobs.values()) {
      List<long[]> sorted = ran.stream().sorted(java.util.Comparator.comparingLong(job -> job[0])).toList();
      long lastEnd = Long.MIN_VALUE;
      for (long[] job : sorted) {
        if (job[0] < lastEnd) {
          overlaps++;
        }
        lastEnd = Math.max(lastEnd, job[1]);
      }
    }
    return overlaps;
  }

  long lockNamesUsed() {
    return jobs.size();
  }

  long jobsRun() {
    return jobs.values().stream().mapToLong(java.util.Queue::size).sum();
  }

  /** Counts a typed error by category; a commit whose outcome is unknown is its own line. */
  void error(RacefreeException e) {
    String name = e instanceof CommitOutcomeUnknownException ? "COMMIT_OUTCOME_UNKNOWN" : e.category().name();
    errors.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    examples.putIfAbsent(name, describe(e));
  }

  /** The first error of each kind, in words. */
  Map<String, String> errorExamples() {
    return new TreeMap<>(examples);
  }

  /** The error's type, category and first line, for reports. */
  static String describe(RuntimeException e) {
    String category = e instanceof RacefreeException typed ? " " + typed.category() : "";
    return e.getClass().getSimpleName() + category + ": "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  void untyped(RuntimeException e) {
    untyped.incrementAndGet();
    firstUntyped.compareAndSet(null, e.getClass().getName() + ": " + String.valueOf(e.getMessage()).lines()
        .findFirst().orElse(""));
  }

  Map<String, Long> errorsByCategory() {
    Map<String, Long> copy = new TreeMap<>();
    errors.forEach((name, count) -> copy.put(name, count.get()));
    return copy;
  }

  long untypedErrors() {
    return untyped.get();
  }

  String firstUntypedError() {
    return firstUntyped.get();
  }
}
