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
  /** The plain-JDBC calls made for contrast: how many returned, and the increments they acknowledged. */
  final AtomicLong naiveCalls = new AtomicLong();
  final AtomicLong naiveIncrements = new AtomicLong();
  private final Map<String, AtomicLong> naiveErrors = new ConcurrentHashMap<>();

  /** A plain-JDBC call's failure, by SQLState, else by class (the naive patterns get no typed errors). */
  void naiveError(java.sql.SQLException e) {
    String state = e.getSQLState() == null ? e.getClass().getSimpleName() : e.getSQLState();
    naiveErrors.computeIfAbsent(state, k -> new AtomicLong()).incrementAndGet();
  }

  Map<String, Long> naiveErrorsByState() {
    return snapshot(naiveErrors);
  }

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
    return snapshot(errors);
  }

  private static <K> Map<K, Long> snapshot(Map<K, AtomicLong> counts) {
    Map<K, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.get()));
    return copy;
  }

  private static <K> void addCounts(Map<K, AtomicLong> into, Map<K, Long> counts) {
    counts.forEach((key, count) -> into.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(count));
  }

  /** Everything the callers of one process were told, for a worker process to hand to the soak. */
  Tally tally() {
    Map<String, List<long[]>> ran = new TreeMap<>();
    jobs.forEach((name, times) -> ran.put(name, List.copyOf(times)));
    return new Tally(List.copyOf(createdKeys), snapshot(increments), snapshot(incrementsUnknown),
        List.copyOf(transfers), List.copyOf(transfersUnknown), Map.copyOf(transfersFailed), ran, completed.get(),
        errorsByCategory(), errorExamples(), untyped.get(), firstUntyped.get(), naiveCalls.get(),
        naiveIncrements.get(), naiveErrorsByState());
  }

  /** Adds what a worker process's callers were told. */
  void add(Tally tally) {
    createdKeys.addAll(tally.createdKeys());
    addCounts(increments, tally.increments());
    addCounts(incrementsUnknown, tally.incrementsUnknown());
    transfers.addAll(tally.transfers());
    transfersUnknown.addAll(tally.transfersUnknown());
    transfersFailed.putAll(tally.transfersFailed());
    tally.jobs().forEach((name, times) -> times.forEach(time -> jobRan(name, time[0], time[1])));
    completed.addAndGet(tally.completed());
    addCounts(errors, tally.errors());
    tally.errorExamples().forEach(examples::putIfAbsent);
    untyped.addAndGet(tally.untyped());
    if (tally.firstUntyped() != null) {
      firstUntyped.compareAndSet(null, tally.firstUntyped());
    }
    naiveCalls.addAndGet(tally.naiveCalls());
    naiveIncrements.addAndGet(tally.naiveIncrements());
    addCounts(naiveErrors, tally.naiveErrors());
  }

  /**
   * What one process's callers were told, as JSON between processes. Job times are
   * {@code System.nanoTime()} values: on Linux the same monotonic clock in every process of the
   * machine, so jobs of different processes can be compared.
   *
   * @param createdKeys get-or-create keys returned to callers
   * @param increments acknowledged increments by counter
   * @param incrementsUnknown increments whose outcome is unknown, by counter
   * @param transfers acknowledged transfer ids
   * @param transfersUnknown transfer ids whose commit outcome is unknown
   * @param transfersFailed failed transfer ids, with their errors
   * @param jobs the start and end of each committed job, by lock name
   * @param completed calls that returned normally
   * @param errors typed errors by category
   * @param errorExamples the first error of each category
   * @param untyped errors that were not typed
   * @param firstUntyped the first of those, or null
   * @param naiveCalls plain-JDBC contrast calls that returned
   * @param naiveIncrements increments those acknowledged
   * @param naiveErrors their errors, by SQLState
   */
  record Tally(List<Long> createdKeys, Map<Long, Long> increments, Map<Long, Long> incrementsUnknown,
      List<String> transfers, List<String> transfersUnknown, Map<String, String> transfersFailed,
      Map<String, List<long[]>> jobs, long completed, Map<String, Long> errors, Map<String, String> errorExamples,
      long untyped, String firstUntyped, long naiveCalls, long naiveIncrements, Map<String, Long> naiveErrors) {}

  long untypedErrors() {
    return untyped.get();
  }

  String firstUntypedError() {
    return firstUntyped.get();
  }
}
