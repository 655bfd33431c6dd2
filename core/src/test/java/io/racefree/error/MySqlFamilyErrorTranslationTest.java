package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.MARIADB;
import static io.racefree.dialect.DatabaseKind.MYSQL;
import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.dialect.DatabaseKind;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MySqlFamilyErrorTranslationTest {

  private static RacefreeException translate(SQLException exception, DatabaseKind database) {
    return SqlErrorTranslator.translate("test", "SELECT 1", exception, database);
  }

  private static RacefreeException translate(SQLException exception) {
    return translate(exception, MARIADB);
  }

  @Test
  void duplicateKeyOnMariaDbIsUniqueViolationWithKeyName() {
    RacefreeException error =
        translate(
            new SQLIntegrityConstraintViolationException(
                "(conn=42) Duplicate entry 'alice@example.org' for key 'uk_email'", "23000", 1062));

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("uk_email");
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void duplicateKeyOnMySql8NamesTableQualifiedKey() {
    RacefreeException error =
        translate(
            new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x' for key 'account.uk_email'", "23000", 1062),
            MYSQL);

    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("account.uk_email");
  }

  @Test
  void duplicateValueIsHiddenFromTheMessage() {
    RacefreeException error =
        translate(
            new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'alice@example.org' for key 'uk_email'", "23000", 1062));

    assertThat(error.getMessage()).doesNotContain("alice@example.org").contains("uk_email");
  }

  @Test
  void duplicateEntryWithKeyNameIsUniqueViolation() {
    assertThat(translate(new SQLException("Duplicate entry", "23000", 1586)))
        .isInstanceOf(UniqueViolationException.class);
  }

  @ParameterizedTest(name = "vendor code {0} is a foreign key violation")
  @CsvSource({"1451", "1452", "1216", "1217"})
  void foreignKeyCodesAreForeignKeyViolations(int code) {
    RacefreeException error =
        translate(
            new SQLIntegrityConstraintViolationException(
                "Cannot add or update a child row: a foreign key constraint fails (`db`.`child`,"
                    + " CONSTRAINT `fk_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent`"
                    + " (`id`))",
                "23000",
                code));

    assertThat(error).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("fk_parent");
  }

  @ParameterizedTest(name = "vendor code {0} is a not-null violation")
  @CsvSource({"1048", "1364"})
  void notNullCodesAreNotNullViolations(int code) {
    assertThat(translate(new SQLException("Column 'name' cannot be null", "23000", code)))
        .isInstanceOf(NotNullViolationException.class);
  }

  @Test
  void constraintFailedOnMariaDbIsCheckViolationWithName() {
    RacefreeException error =
        translate(new SQLException("CONSTRAINT `ck_positive` failed for `db`.`t`", "23000", 4025));

    assertThat(error).isInstanceOf(CheckViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("ck_positive");
  }

  @Test
  void checkConstraintViolatedOnMySqlIsCheckViolationWithName() {
    RacefreeException error =
        translate(
            new SQLException("Check constraint 'ck_positive' is violated.", "HY000", 3819), MYSQL);

    assertThat(error).isInstanceOf(CheckViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("ck_positive");
  }

  @Test
  void deadlockOnMariaDbIsRetryableDeadlock() {
    RacefreeException error =
        translate(
            new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction",
                "40001",
                1213));

    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void lockWaitTimeoutOnMariaDbIsLockTimeout() {
    RacefreeException error =
        translate(
            new SQLException(
                "Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void lockWaitTimeoutThatConnectorJReportsAs40001IsStillLockTimeout() {
    // MySQL Connector/J throws MySQLTransactionRollbackException / 40001 for 1205.
    SQLException connectorJ =
        new SQLTransactionRollbackException(
            "Lock wait timeout exceeded; try restarting transaction", "40001", 1205);

    assertThat(translate(connectorJ)).isInstanceOf(LockTimeoutException.class);
    assertThat(SqlErrorTranslator.categoryOf(connectorJ, MARIADB))
        .isEqualTo(ErrorCategory.LOCK_TIMEOUT);
  }

  @Test
  void lockWaitTimeoutOfNowaitStatementOnMariaDbIsLockNotAvailable() {
    SQLException exception =
        new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);

    RacefreeException error =
        SqlErrorTranslator.translate(
            "lock", "SELECT id FROM t WHERE id = ? FOR UPDATE NOWAIT", exception, MARIADB);

    assertThat(error).isInstanceOf(LockNotAvailableException.class);
  }

  @Test
  void lockWaitTimeoutOfWaitStatementOnMariaDbStaysLockTimeout() {
    SQLException exception =
        new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);

    assertThat(
            SqlErrorTranslator.categoryOf(exception, "SELECT * FROM t FOR UPDATE WAIT 1", MARIADB))
        .isEqualTo(ErrorCategory.LOCK_TIMEOUT);
  }

  @Test
  void lockNowaitOnMySql8IsLockNotAvailable() {
    assertThat(
            translate(
                new SQLException(
                    "Statement aborted because lock(s) could not be acquired immediately and NOWAIT"
                        + " is set.",
                    "HY000",
                    3572),
                MYSQL))
        .isInstanceOf(LockNotAvailableException.class);
  }

  @Test
  void recordChangedOnMariaDbIsSerializationFailure() {
    RacefreeException error =
        translate(
            new SQLException(
                "Record has changed since last read in table 't'; try restarting transaction",
                "HY000",
                1020));

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @ParameterizedTest(name = "vendor code {0} is a query timeout")
  @CsvSource({"1969, 70100", "1317, 70100", "3024, HY000"})
  void statementTimeoutCodesAreQueryTimeouts(int code, String state) {
    assertThat(translate(new SQLTimeoutException("Query execution was interrupted", state, code)))
        .isInstanceOf(QueryTimeoutException.class);
  }

  @ParameterizedTest(name = "vendor code {0} is a lost connection")
  @CsvSource({"2006, HY000", "2013, HY000", "1927, 70100", "1053, 08S01", "1220, 08000"})
  void connectionCodesAreConnectionLost(int code, String state) {
    assertThat(translate(new SQLException("connection gone", state, code)))
        .isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void socketErrorWithConnectionStateIsConnectionLost() {
    assertThat(
            translate(new SQLNonTransientConnectionException("(conn=7) Socket error", "08000", -1)))
        .isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void connectorJCommunicationsFailureIsConnectionLost() {
    assertThat(translate(new SQLException("Communications link failure", "08S01", 0)))
        .isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void connectorJClientTimeoutWithoutCodesIsQueryTimeout() {
    assertThat(
            translate(
                new SQLTimeoutException("Statement cancelled due to timeout or client request")))
        .isInstanceOf(QueryTimeoutException.class);
  }

  @Test
  void unknownCodeWithIntegrityStateIsGenericConstraintViolation() {
    RacefreeException error = translate(new SQLException("some constraint", "23000", 9999));

    assertThat(error.category()).isEqualTo(ErrorCategory.CONSTRAINT_VIOLATION);
    assertThat(error).isExactlyInstanceOf(ConstraintViolationException.class);
  }

  @Test
  void sqliteCodeFiveMeansNothingOnMariaDb() {
    assertThat(translate(new SQLException("Out of memory", "HY000", 5)).category())
        .isEqualTo(ErrorCategory.OTHER);
  }
}
