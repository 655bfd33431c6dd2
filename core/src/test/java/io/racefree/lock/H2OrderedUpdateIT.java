package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2OrderedUpdateIT extends OrderedUpdateContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.H2;
  }
}
