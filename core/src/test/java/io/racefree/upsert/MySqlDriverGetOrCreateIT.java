package io.racefree.upsert;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("mysql-driver")
class MySqlDriverGetOrCreateIT extends GetOrCreateContract {
  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::mysqlDriverOnMariadb, "?sessionVariables=innodb_lock_wait_timeout=20");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }

  @Override
  List<EqualPair> equalPairs() {
    return MySqlFamilyPairs.PAIRS;
  }
}
