package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbMoneyTransferIT extends MoneyTransferContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }
}
