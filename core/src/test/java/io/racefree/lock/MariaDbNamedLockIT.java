package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import io.racefree.lock.internal.LockKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbNamedLockIT extends SessionNamedLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Test
  void longNamesAreHashedToFitGetLock() {
    String name = LeakCheck.lockName("long-" + "x".repeat(200));
    assertThat(LockKeys.mySqlName(name)).hasSize(64).startsWith("racefree:");
    database().useTransaction(tx -> tx.lock(name));
    assertThat(isFree(name)).isTrue();
  }
}
