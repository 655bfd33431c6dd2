package io.racefree.bench.workload;

import io.racefree.bench.fixture.Schema;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a call's key comes from. Thread-safe.
 *
 * <ul>
 *   <li>hot: one of the prefilled rows, at random;
 *   <li>cold: a key never used before;
 *   <li>contended: keys come in generations of 20; each generation serves 80 calls (four per key,
 *       at random), so threads race to create the same new rows.
 * </ul>
 */
abstract class Keys {
  static final int CONTENDED_KEYS = 20;
  private static final int CALLS_PER_KEY = 4;

  abstract String next();

  static Keys hot() {
    return new Keys() {
      @Override
      String next() {
        return "hot-" + ThreadLocalRandom.current().nextInt(Schema.HOT_ROWS);
      }
    };
  }

  static Keys cold(String prefix) {
    AtomicLong counter = new AtomicLong();
    return new Keys() {
      @Override
      String next() {
        return prefix + counter.incrementAndGet();
      }
    };
  }

  static Keys contended(String prefix) {
    AtomicLong counter = new AtomicLong();
    return new Keys() {
      @Override
      String next() {
        long generation = counter.getAndIncrement() / ((long) CONTENDED_KEYS * CALLS_PER_KEY);
        return prefix + (generation * CONTENDED_KEYS + ThreadLocalRandom.current().nextInt(CONTENDED_KEYS));
      }
    };
  }
}
