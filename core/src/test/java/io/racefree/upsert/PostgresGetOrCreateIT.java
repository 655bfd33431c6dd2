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
    // public on the search path, as in most applications: citext's operators live there, and
    // without them PostgreSQL compares a citext column with a string as text.
    return new UpsertDb(TestDatabases::postgres, namespace -> "&currentSchema="
        + namespace.jdbcUrl().replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1") + ",public");
  }

  @Override
  List<Isolation> isolations() {
    return List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE);
  }

  @Override
  List<EqualPair> equalPairs() {
    return List.of(
        new EqualPair("citext", "public.citext", "Ada@Example.com", "ada@example.com"),
        new EqualPair("ICU case-insensitive", "TEXT COLLATE ci", "java", "JAVA"),
        new EqualPair("numeric scale", "NUMERIC", new BigDecimal("1.0"), new BigDecimal("1.000")),
        // box = compares areas, and box has no hash function: the creator lock is per table.
        new EqualPair("box, no hash: lock per table", "box", "(1,1),(0,0)", "(2,0.5),(0,0)", false));
  }

  @Override
  void prepareTypes() {
    try {
      d.execute("CREATE EXTENSION IF NOT EXISTS citext SCHEMA public");
    } catch (IllegalStateException concurrentlyCreated) {
      // another test run created it at the same moment: it exists now
    }
    d.execute("CREATE COLLATION IF NOT EXISTS ci"
        + " (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
  }
}
