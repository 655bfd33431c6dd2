package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lock.internal.LockKeys;
import org.junit.jupiter.api.Test;

class LockKeysTest {
  @Test
  void postgresKeyIsStableAcrossRuns() {
    // First 8 bytes of SHA-256("transfer:7"); changing this breaks every deployed lock name.
    assertThat(LockKeys.postgresKey("transfer:7")).isEqualTo(LockKeys.postgresKey("transfer:7"));
    assertThat(LockKeys.postgresKey("a")).isEqualTo(0xca978112ca1bbdcaL);
  }

  @Test
  void differentNamesGetDifferentKeys() {
    assertThat(LockKeys.postgresKey("a")).isNotEqualTo(LockKeys.postgresKey("b"));
  }

  @Test
  void shortMySqlNamesAreKeptAndLongOnesHashedTo64Characters() {
    assertThat(LockKeys.mySqlName("orders")).isEqualTo("orders");
    String longName = "n".repeat(65);
    assertThat(LockKeys.mySqlName(longName)).hasSize(64).startsWith("racefree:")
        .isNotEqualTo(LockKeys.mySqlName(longName + "x"));
  }
}
