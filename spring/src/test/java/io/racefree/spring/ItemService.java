package io.racefree.spring;

import io.racefree.Database;
import io.racefree.tx.RetryPolicy;
import io.racefree.tx.TransactionOptions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.annotation.Transactional;

/** A service with a {@code @Transactional} method, as an application writes it. */
class ItemService {
  private final Database database;

  ItemService(Database database) {
    this.database = database;
  }

  /** Inserts {@code name}, then updates {@code stale} expecting a version it does not have. */
  @Transactional
  public void insertThenUpdateStale(String name, String stale, AtomicInteger calls) {
    database.insert("item", Map.of("name", name));
    database.useTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.standard()), tx -> {
      calls.incrementAndGet();
      tx.updateVersioned("item", Map.of("name", stale), "version", 41, Map.of("qty", 1));
    });
  }
}
