package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.harness.Contender;
import io.racefree.testing.Engine;
import java.util.List;

/** One benchmarked operation and the contenders that do it. */
public interface Workload {
  /** e.g. "get-or-create-hot". */
  String name();

  /** One line for the report: what a call does and which keys it uses. */
  String description();

  default boolean supports(Engine engine) {
    return true;
  }

  /** The contenders at {@code threads} threads, each on keys or rows of its own. */
  List<Contender> contenders(BenchDatabase database, int threads);
}
