package io.racefree.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** LeakCheck on a server engine; subclassed for PostgreSQL and MariaDB. */
abstract class LeakCheckContract {

  abstract TestDatabase create();

  abstract String takeNamedLock();

  abstract String beginTransaction();

  @Test
  void aCleanConnectionHasNoLeaks() throws SQLException {
    try (TestDatabase db = create(); Connection connection = db.connect()) {
      assertThat(LeakCheck.inspect(connection, db.engine())).isEmpty();
    }
  }

  @Test
  void aHeldNamedLockIsALeak() throws SQLException {
    try (TestDatabase db = create(); Connection connection = db.connect()) {
      run(connection, takeNamedLock());
      assertThat(LeakCheck.inspect(connection, db.engine()))
          .extracting(Leak::kind).containsExactly(Leak.Kind.NAMED_LOCK_HELD);
      releaseAll(connection);
    }
  }

  @Test
  void anExplicitTransactionLeftOpenIsALeak() throws SQLException {
    try (TestDatabase db = create(); Connection connection = db.connect()) {
      run(connection, beginTransaction());
      assertThat(LeakCheck.inspect(connection, db.engine()))
          .extracting(Leak::kind).containsExactly(Leak.Kind.OPEN_TRANSACTION);
      run(connection, "ROLLBACK");
    }
  }

  @Test
  void changedSettingsAreLeaks() throws SQLException {
    try (TestDatabase db = create(); Connection connection = db.connect()) {
      ConnectionBaseline opened = ConnectionBaseline.of(connection);
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      connection.setAutoCommit(false);
      assertThat(LeakCheck.inspect(connection, db.engine(), opened))
          .extracting(Leak::kind).containsExactly(Leak.Kind.AUTOCOMMIT_OFF, Leak.Kind.ISOLATION_CHANGED);
      connection.rollback();
      connection.setAutoCommit(true);
      connection.setTransactionIsolation(opened.isolation());
    }
  }

  @Test
  void closingTheTestDatabaseFailsOnALeakedLockAndTransaction() throws SQLException {
    TestDatabase db = create();
    try (Connection locker = db.connect(); Connection transaction = db.connect()) {
      run(locker, takeNamedLock());
      run(transaction, beginTransaction());
    }
    assertThatThrownBy(db::close).isInstanceOf(LeakError.class)
        .hasMessageContaining("NAMED_LOCK_HELD").hasMessageContaining("OPEN_TRANSACTION");
  }

  void releaseAll(Connection connection) throws SQLException {}

  static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
