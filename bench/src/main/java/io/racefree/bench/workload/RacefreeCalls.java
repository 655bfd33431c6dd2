package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.harness.Tally;
import java.util.Optional;

/**
 * The racefree side of each workload, through the public API only. Empty until the API it needs
 * is on main. Stateless.
 */
final class RacefreeCalls {
  static final String GET_OR_CREATE = "db.withTransaction(retry standard, tx -> tx.getOrCreate(\"item\", {k}))";

  private RacefreeCalls() {}

  static Optional<KeyedCall> getOrCreate(BenchDatabase database, Tally tally) {
    return Optional.empty();
  }
}
