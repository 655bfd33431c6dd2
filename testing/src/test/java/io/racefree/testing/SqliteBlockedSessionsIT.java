package io.racefree.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("sqlite")
class SqliteBlockedSessionsIT {
  @Test
  void sqliteHasNoSessionToWatch() {
    try (TestDatabase db = TestDatabases.sqlite(); Connection connection = db.connect()) {
      assertThatThrownBy(() -> SessionProbe.of(connection))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("busy_timeout");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
