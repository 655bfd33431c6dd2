package io.racefree.upsert;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2GetOrCreateIT extends GetOrCreateContract {
  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::h2, ";LOCK_TIMEOUT=20000");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }

  @Override
  List<EqualPair> equalPairs() {
    return List.of(new EqualPair("VARCHAR_IGNORECASE", "VARCHAR_IGNORECASE(40)", "Java", "JAVA"));
  }
}
