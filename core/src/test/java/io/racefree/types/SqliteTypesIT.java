package io.racefree.types;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Tag;

/**
 * SQLite stores dates as ISO-8601 text: nothing is lost, nanoseconds included. Exact decimals need a
 * TEXT column (a DECIMAL column has NUMERIC affinity and keeps 15 significant digits).
 */
@Tag("sqlite")
class SqliteTypesIT extends TypesContract {
  @Override
  TestDatabase open() {
    return TestDatabases.sqlite();
  }

  @Override
  String createTable() {
    return "CREATE TABLE typed (id INTEGER PRIMARY KEY, d DATE, tm TIME, ldt TIMESTAMP, inst TIMESTAMP,"
        + " odt TIMESTAMP, u TEXT, j TEXT, b BLOB, n TEXT, e TEXT)";
  }

  @Override
  LocalDateTime storedFromNanos(LocalDateTime withNanos) {
    return withNanos;
  }
}
