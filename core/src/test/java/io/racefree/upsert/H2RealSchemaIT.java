package io.racefree.upsert;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2RealSchemaIT extends RealSchemaContract {
  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::h2, ";LOCK_TIMEOUT=20000");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }

  /** H2 refuses get-or-create without a covering key: no creator lock. */
  @Override
  List<Isolation> creatorLockIsolations() {
    return List.of();
  }

  @Override
  List<EqualPair> equalPairs() {
    return List.of(new EqualPair("VARCHAR_IGNORECASE", "VARCHAR_IGNORECASE(40)", "Java", "JAVA"));
  }
}
