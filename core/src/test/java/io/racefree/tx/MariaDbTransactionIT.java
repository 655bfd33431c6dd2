package io.racefree.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbTransactionIT extends TransactionContract {
  @Override
  TestDatabase open() {
    return TestDatabases.mariadb();
  }

  @Override
  String identityColumn() {
    return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
  }

  @Test
  void readOnlyTransactionsRefuseWrites() {
    assertThatThrownBy(() -> db.useTransaction(TransactionOptions.defaults().withReadOnly(true),
        tx -> tx.insert("item", Map.of("name", "a"))))
        .hasMessageContaining("READ ONLY");
    assertThat(db.list("item", Map.of())).isEmpty();
  }
}
