package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Database;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.TransactionStateException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.support.AbstractDataSource;
import io.racefree.support.ObservingDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
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

  /**
   * A data source that lends one session (a single-connection data source): the lock row of a new
   * name cannot be created on a second connection. Refused before anything changes; switching that
   * one connection to auto-commit would have committed the transaction, and its lock, half-way.
   */
  @Test
  void aNewNameOnADataSourceOfOneSessionIsRefusedAndCommitsNothing() throws Exception {
    db.execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY)");
    try (Connection session = db.rawConnection()) {
      Database oneSession = Database.of(new OneSession(session));
      String name = "never-used-" + System.nanoTime();
      assertThatThrownBy(() -> oneSession.useTransaction(tx -> {
        tx.insert("note", Map.of("id", 1));
        tx.lock(name);
      })).isInstanceOf(TransactionStateException.class)
          .hasMessageContaining("this transaction's own session").hasMessageContaining("MERGE INTO racefree_locks");
      assertThat(session.getAutoCommit()).isTrue();
      try (Statement statement = session.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM note")) {
        rows.next();
        assertThat(rows.getInt(1)).as("the insert before the lock was rolled back, not committed").isZero();
      }
    }
  }

  /** Lends {@code session} to every caller; close() returns it, it does not close it. */
  private static final class OneSession extends AbstractDataSource {
    private final Connection session;

    OneSession(Connection session) {
      this.session = session;
    }

    @Override
    public Connection getConnection() {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> "close".equals(method.getName()) ? null
              : ObservingDataSource.invoke(method, session, args));
    }
  }

  @Test
  void tableLocksAreUnsupported() {
    db.execute("CREATE TABLE IF NOT EXISTS item (id INT PRIMARY KEY)");
    assertThatThrownBy(() -> database().useTransaction(tx -> tx.lockTable("item", TableLockMode.EXCLUSIVE)))
        .isInstanceOf(UnsupportedFeatureException.class);
  }
}
