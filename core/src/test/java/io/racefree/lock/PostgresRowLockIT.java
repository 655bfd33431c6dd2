package io.racefree.lock;

import io.racefree.dialect.DatabaseKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;

@Tag("postgresql")
class PostgresRowLockIT extends RowLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }

  @Override
  Duration shortWait() {
    return Duration.ofMillis(300);
  }

  @Override
  String lockTimeoutQuery() {
    return "SHOW lock_timeout";
  }

  @Override
  List<RowLock> unsupportedRowLocks() {
    return List.of();
  }
}
