package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.MARIADB;
import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MySQL Connector/J against the MariaDB server: the driver reports 1205 as a
 * MySQLTransactionRollbackException with SQLState 40001, which must still read as a lock timeout.
 */
@Tag("mysql-driver")
class MySqlDriverErrorTranslationIT extends MySqlFamilyErrorContract {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabases.mysqlDriverOnMariadb();
  }

  @Test
  void lockWaitTimeoutArrivesAsRollbackWith40001ButIsLockTimeout() throws SQLException {
    Connection holder = transaction();
    execute(holder, "UPDATE item SET v = 1 WHERE id = 1");
    Connection waiter = transaction();
    execute(waiter, "SET SESSION innodb_lock_wait_timeout = 1");

    SQLException failure =
        Concurrently.expectFailure(() -> execute(waiter, "UPDATE item SET v = 2 WHERE id = 1"));

    assertThat((Object) failure).isInstanceOf(SQLTransactionRollbackException.class);
    assertThat(failure.getSQLState()).isEqualTo("40001");
    assertThat(SqlErrorTranslator.categoryOf(failure, MARIADB))
        .isEqualTo(ErrorCategory.LOCK_TIMEOUT);
  }
}
