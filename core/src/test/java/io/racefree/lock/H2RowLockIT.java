package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("h2")
class H2RowLockIT extends RowLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.H2;
  }

  @Override
  Duration shortWait() {
    return Duration.ofMillis(300);
  }

  @Override
  String lockTimeoutQuery() {
    return "SELECT LOCK_TIMEOUT()";
  }

  @Override
  List<RowLock> unsupportedRowLocks() {
    return List.of(RowLock.forShare(), RowLock.forNoKeyUpdate(), RowLock.forKeyShare(), RowLock.forUpdate().ofTable("item"));
  }
}
