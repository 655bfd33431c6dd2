package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2ClaimIT extends ClaimContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.H2;
  }
}
