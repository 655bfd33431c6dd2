package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("sqlite")
class SqliteOrderedUpdateIT extends OrderedUpdateContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
