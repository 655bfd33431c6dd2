package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.harness.ContenderResult;
import io.racefree.bench.harness.Role;
import io.racefree.bench.harness.ScenarioResult;
import io.racefree.bench.harness.Tally;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get-or-create of many keys (100,000 by default) in chunks of 1,000, each chunk in its own
 * transaction, one thread. Flat memory means the heap high-water mark does not grow with the
 * number of keys: it is measured for a tenth of the keys and for all of them.
 */
final class LargeBulk {
  private static final int CHUNK = 1000;

  private LargeBulk() {}

  static ScenarioResult run(BenchDatabase database, int keys) {
    List<ContenderResult> results = new ArrayList<>();
    RacefreeCalls.getOrCreateAll(database.racefree(), new Tally()).ifPresent(call ->
        results.add(measure("racefree", Role.RACEFREE, "tx.getOrCreateAll per chunk of 1,000 lookups", keys, call)));
    String sql = NativeSql.bulkGetOrCreateUpsert(database.engine(), CHUNK);
    results.add(measure("floor", Role.FLOOR, "multi-row native upsert per chunk of 1,000 keys", keys,
        chunk -> BulkWorkload.upsertAll(database.dataSource(), sql, chunk)));
    return new ScenarioResult("bulk-large", database.name(), 1, results);
  }

  private static ContenderResult measure(String name, Role role, String description, int keys,
      RacefreeCalls.BulkCall call) {
    String prefix = "large-" + name + "-";
    Map<String, Object> extras = new LinkedHashMap<>();
    long errors = 0;
    String firstError = null;
    double seconds = 0;
    try {
      extras.put("heapPeakMiB@" + keys / 10, heapPeakMiB(() -> runChunks(prefix + "a-", keys / 10, call)));
      long start = System.nanoTime();
      extras.put("heapPeakMiB@" + keys, heapPeakMiB(() -> runChunks(prefix + "b-", keys, call)));
      seconds = (System.nanoTime() - start) / 1e9;
    } catch (Exception e) {
      errors = 1;
      firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new ContenderResult(name, role, description, keys, seconds > 0 ? keys / seconds : 0, 0, 0, 1, errors,
        firstError, 0, 0, "", extras);
  }

  @FunctionalInterface
  private interface Job {
    void run() throws Exception;
  }

  private static void runChunks(String prefix, int keys, RacefreeCalls.BulkCall call) throws Exception {
    for (int start = 0; start < keys; start += CHUNK) {
      List<String> chunk = new ArrayList<>(CHUNK);
      for (int i = start; i < Math.min(keys, start + CHUNK); i++) {
        chunk.add(i % 2 == 0 ? "hot-" + (i % 1000) : prefix + i);
      }
      chunk.sort(null);
      call.getOrCreateAll(chunk);
    }
  }

  private static long heapPeakMiB(Job job) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    job.run();
    return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
  }
}
