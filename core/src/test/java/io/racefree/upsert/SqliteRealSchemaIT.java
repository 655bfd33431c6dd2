package io.racefree.upsert;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteRealSchemaIT extends RealSchemaContract {
  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::sqliteWal, "?busy_timeout=30000");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.SERIALIZABLE);
  }

  /** One writer: creators never overlap, so no interleaving can put two of them in the lock. */
  @Override
  List<Isolation> creatorLockIsolations() {
    return List.of();
  }
}
