package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresOrderedUpdateIT extends OrderedUpdateContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
