package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.harness.ScenarioResult;
import java.util.List;

/** Every workload, in report order. */
public final class Workloads {
  private Workloads() {}

  public static List<Workload> all() {
    return List.of(
        new GetOrCreateWorkload(GetOrCreateWorkload.Kind.HOT),
        new GetOrCreateWorkload(GetOrCreateWorkload.Kind.COLD),
        new GetOrCreateWorkload(GetOrCreateWorkload.Kind.CONTENDED),
        new UpdateOrCreateWorkload(),
        new TransferWorkload(),
        new NamedLockWorkload(),
        new BulkWorkload());
  }

  /** get-or-create of {@code keys} keys in chunks, once per contender, with the heap high-water mark. */
  public static ScenarioResult largeBulk(BenchDatabase database, int keys) {
    return LargeBulk.run(database, keys);
  }
}
