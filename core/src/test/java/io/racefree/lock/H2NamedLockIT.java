package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.UnsupportedFeatureException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** H2 locks a row of racefree_locks per name; it has no table lock and no session lock. */
@Tag("h2")
class H2NamedLockIT extends NamedLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.H2;
  }

  @Test
  void sessionLocksAreUnsupported() {
    assertThatThrownBy(() -> database().withLock("anything", session -> null))
        .isInstanceOf(UnsupportedFeatureException.class);
  }

  @Test
  void tableLocksAreUnsupported() {
    db.execute("CREATE TABLE IF NOT EXISTS item (id INT PRIMARY KEY)");
    assertThatThrownBy(() -> database().useTransaction(tx -> tx.lockTable("item", TableLockMode.EXCLUSIVE)))
        .isInstanceOf(UnsupportedFeatureException.class);
  }
}
