package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresClaimIT extends ClaimContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
