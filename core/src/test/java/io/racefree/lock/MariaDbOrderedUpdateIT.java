package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbOrderedUpdateIT extends OrderedUpdateContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }
}
