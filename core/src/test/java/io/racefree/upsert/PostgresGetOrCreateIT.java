package io.racefree.upsert;

import io.racefree.testing.db.TestDatabases;
import io.racefree.tx.Isolation;
import java.util.List;
import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresGetOrCreateIT extends GetOrCreateContract {
  @Override
  UpsertDb open() {
    return new UpsertDb(TestDatabases::postgres, "");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }

  @Override
  List<EqualPair> equalPairs() {
    // citext is not here: a lookup binds a string as varchar, and citext = varchar compares as
    // text, case-sensitively, so the read itself misses the other spelling (issue 10 item 13).
    return List.of(
        new EqualPair("ICU case-insensitive", "TEXT COLLATE ci", "java", "JAVA"),
        new EqualPair("numeric scale", "NUMERIC", new BigDecimal("1.0"), new BigDecimal("1.000")));
  }

  @Override
  void prepareTypes() {
    d.execute("CREATE COLLATION IF NOT EXISTS ci"
        + " (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
  }
}
