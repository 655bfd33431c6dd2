package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class MariaDbRowLockIT extends RowLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Override
  Duration shortWait() {
    return Duration.ofSeconds(1);
  }

  @Override
  String lockTimeoutQuery() {
    return "SELECT @@SESSION.innodb_lock_wait_timeout";
  }

  @Override
  List<RowLock> unsupportedRowLocks() {
    return List.of(RowLock.forNoKeyUpdate(), RowLock.forKeyShare(), RowLock.forUpdate().ofTable("item"), RowLock.forUpdate().waitAtMost(Duration.ofMillis(1500)));
  }
}
