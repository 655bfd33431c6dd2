package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.tx.TransactionOptions;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("sqlite")
class SqliteClaimIT extends ClaimContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  /** Without the write lock a SQLite read excludes nobody: claiming there would hand a job out twice. */
  @Test
  void aDeferredTransactionCannotClaim() {
    assertThatThrownBy(() -> db.database().useTransaction(TransactionOptions.defaults().withSqliteWriteLockFirst(false),
            tx -> tx.claim("job", Map.of("state", "ready"), "seq", 1)))
        .isInstanceOf(UnsupportedFeatureException.class);
  }
}
