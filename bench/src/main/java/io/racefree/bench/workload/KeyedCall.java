package io.racefree.bench.workload;

import io.racefree.bench.harness.Tally;

/** A get-or-create or update-or-create of one key: true if it created the row, null if it cannot tell. */
@FunctionalInterface
interface KeyedCall {
  Boolean call(String key, Tally tally) throws Exception;
}
