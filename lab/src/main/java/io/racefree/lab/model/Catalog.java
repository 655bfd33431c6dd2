package io.racefree.lab.model;

import java.util.List;

/**
 * The public threads the lab's scenarios and strategies come from, and the anomalies the isolation
 * probe looks for. (Strategies are {@link Strategy}; scenarios are declared by the classes that
 * run them, {@code io.racefree.lab.scenario.Scenarios}.) Names are fixed: reports and scripts
 * depend on them.
 *
 * <p>Constants only; thread-safe.
 */
public final class Catalog {
  /** The public threads behind the numbers in "from": what a user can look up. */
  public static final java.util.Map<String, String> SOURCES = java.util.Collections.unmodifiableMap(
      new java.util.TreeMap<>(java.util.Map.of(
          "000", "Django users group: \"Race condition in get_or_create\"",
          "001", "Stack Overflow: \"How do I deal with this race condition in django?\"",
          "002", "Django users group: \"Database race conditions when using multiple processes\"",
          "003", "\"Django's get_or_create() may raise IntegrityError but subsequent get() raises"
              + " DoesNotExist\"",
          "004", "Django ticket #29499: \"Race condition in QuerySet.update_or_create()\"")));

  public static final List<AnomalySpec> ANOMALIES =
      List.of(
          new AnomalySpec("G0", "Write Cycles", "two transactions overwrite each other's"
              + " uncommitted writes (dirty write)", "Hermitage, Adya"),
          new AnomalySpec("G1a", "Aborted Reads", "a transaction reads a value written by a"
              + " transaction that later aborts", "Hermitage, Adya"),
          new AnomalySpec("G1b", "Intermediate Reads", "a transaction reads a value that its"
              + " writer later overwrote before committing", "Hermitage, Adya"),
          new AnomalySpec("G1c", "Circular Information Flow", "two transactions each read the"
              + " other's uncommitted write", "Hermitage, Adya"),
          new AnomalySpec("OTV", "Observed Transaction Vanishes", "a reader sees a writer's"
              + " value, then the older value it overwrote", "Hermitage"),
          new AnomalySpec("PMP", "Predicate-Many-Preceders", "a predicate read (or a predicate"
              + " write) sees rows committed after the transaction's earlier reads", "Hermitage"),
          new AnomalySpec("P4", "Lost Update", "two read-modify-write transactions both commit,"
              + " one update is lost", "Hermitage, Berenson et al."),
          new AnomalySpec("G-single", "Single Anti-dependency Cycles", "read skew: a transaction"
              + " sees part of another's committed writes", "Hermitage, Adya"),
          new AnomalySpec("G2-item", "Item Anti-dependency Cycles", "write skew on disjoint"
              + " rows read by both", "Hermitage, Adya"),
          new AnomalySpec("G2", "Anti-Dependency Cycles", "write skew on a predicate read:"
              + " both insert what the other's read would have seen", "Hermitage, Adya"));

  private Catalog() {}

  /** The titles of the threads with these numbers, in words, for a report. */
  public static String sourceTitles(List<String> ids) {
    return ids.stream().map(id -> SOURCES.getOrDefault(id, id))
        .collect(java.util.stream.Collectors.joining("; "));
  }
}
