package io.racefree.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MariaDB Connector/J against the MariaDB server: the contract plus MariaDB-only errors. */
@Tag("mariadb")
class MariaDbErrorTranslationIT extends MySqlFamilyErrorContract {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabases.mariadb();
  }

  @Test
  void lockingReadOfRowChangedAfterSnapshotIsSerializationFailureThatRollsBack()
      throws SQLException {
    assumeTrue(TestDatabases.mariadbServer().hasVariable("innodb_snapshot_isolation"),
        "this MariaDB server has no innodb_snapshot_isolation (added in 10.6.18/10.11.8; the embedded one is 10.11.5)");
    Connection reader = transaction();
    execute(reader, "SET SESSION innodb_snapshot_isolation = ON");
    execute(reader, "INSERT INTO item VALUES (3, 'c', 0)");
    execute(reader, "SELECT v FROM item WHERE id = 1");
    execute(session(), "UPDATE item SET v = 5 WHERE id = 1");

    RacefreeException error = translated(reader, "UPDATE item SET v = v + 1 WHERE id = 1");

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.vendorCode()).isEqualTo(1020);
    assertThat(error.isRetryable()).isTrue();
    assertThat(queryLong(reader, "SELECT COUNT(*) FROM item WHERE id = 3"))
        .as("InnoDB rolled back the whole transaction")
        .isZero();
  }

  @Test
  void nowaitOnLockedRowIsLockNotAvailable() throws SQLException {
    Connection holder = transaction();
    execute(holder, "SELECT * FROM item WHERE id = 1 FOR UPDATE");

    RacefreeException error =
        translated(transaction(), "SELECT * FROM item WHERE id = 1 FOR UPDATE NOWAIT");

    assertThat(error).isInstanceOf(LockNotAvailableException.class);
    assertThat(error.vendorCode()).isEqualTo(1205);
  }

  @Test
  void killedConnectionIsConnectionLost() throws SQLException {
    Connection victim = session();
    execute(admin, "KILL " + threadIdOf(victim));

    RacefreeException error = translated(victim, "SELECT 1");

    assertThat(error).isInstanceOf(ConnectionLostException.class);
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void maxStatementTimeIsQueryTimeout() throws SQLException {
    Connection holder = transaction();
    execute(holder, "SELECT * FROM item WHERE id = 1 FOR UPDATE");

    RacefreeException error =
        translated(
            session(),
            "SET STATEMENT max_statement_time = 0.1 FOR SELECT * FROM item WHERE id = 1 FOR"
                + " UPDATE");

    assertThat(error).isInstanceOf(QueryTimeoutException.class);
    assertThat(error.vendorCode()).isEqualTo(1969);
  }
}
