package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.H2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages as H2 2.5.252 words them (provoked in a probe; see H2ErrorTranslationIT). */
class H2ErrorTranslationTest {

  private static RacefreeException translate(SQLException exception) {
    return SqlErrorTranslator.translate("test", "UPDATE t SET v = 1", exception, H2);
  }

  private static SQLException h2(String message, String state, int code) {
    return new SQLException(
        message + "; SQL statement:\nUPDATE t SET v = 1 [" + code + "-252]", state, code);
  }

  @Test
  void duplicateKeyOnH2NamesTheConstraintAndHidesValues() {
    RacefreeException error =
        translate(
            h2(
                "Unique index or primary key violation: \"PUBLIC.UK_K INDEX PUBLIC.UK_K_INDEX_5 ON"
                    + " PUBLIC.T(K NULLS FIRST) VALUES ( /* 1 */ 'secret' )\"",
                "23505",
                23505));

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("UK_K");
    assertThat(error.getMessage()).doesNotContain("secret");
  }

  @Test
  void duplicateKeyInUniqueIndexOnH2NamesTheIndex() {
    RacefreeException error =
        translate(
            h2(
                "Unique index or primary key violation: \"PUBLIC.IX_N ON PUBLIC.T(N NULLS FIRST)"
                    + " VALUES ( /* 1 */ 'n' )\"",
                "23505",
                23505));

    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("IX_N");
  }

  @Test
  void duplicatePrimaryKeyOnH2NamesThePrimaryKeyConstraint() {
    RacefreeException error =
        translate(
            h2(
                "Unique index or primary key violation: \"PUBLIC.CONSTRAINT_54 PRIMARY KEY ON"
                    + " PUBLIC.T(ID) ( /* key:1 */ 1, 'x', 'n', 1, 1)\"",
                "23505",
                23505));

    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("CONSTRAINT_54");
  }

  @ParameterizedTest(name = "code {0} is a foreign key violation")
  @CsvSource({"23503", "23506"})
  void referentialIntegrityOnH2IsForeignKeyViolationWithName(String code) {
    RacefreeException error =
        translate(
            h2(
                "Referential integrity constraint violation: \"FK_P: PUBLIC.T FOREIGN KEY(PID)"
                    + " REFERENCES PUBLIC.P(ID) (99)\"",
                code,
                Integer.parseInt(code)));

    assertThat(error).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("FK_P");
  }

  @Test
  void nullNotAllowedOnH2IsNotNullViolation() {
    assertThat(translate(h2("NULL not allowed for column \"N\"", "23502", 23502)))
        .isInstanceOf(NotNullViolationException.class);
  }

  @ParameterizedTest(name = "code {0} is a check violation")
  @CsvSource({"23513", "23514"})
  void checkConstraintOnH2IsCheckViolation(String code) {
    RacefreeException error =
        translate(h2("Check constraint violation: \"CK_V: \"", code, Integer.parseInt(code)));

    assertThat(error).isInstanceOf(CheckViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("CK_V");
  }

  @Test
  void deadlockVictimOnH2IsDeadlock() {
    SQLException exception =
        new SQLTransactionRollbackException(
            "Deadlock detected. The current transaction was rolled back. Details: \"T\"",
            "40001",
            40001,
            new IllegalStateException(
                "Transaction 2 has been chosen as a deadlock victim. Details: ... [2.5.252/105]"));

    RacefreeException error = translate(exception);

    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void repeatableReadWriteConflictOnH2IsSerializationFailure() {
    // H2 words a snapshot write conflict as "Deadlock detected" too; only the cause tells.
    SQLException exception =
        new SQLTransactionRollbackException(
            "Deadlock detected. The current transaction was rolled back. Details: \"T\"",
            "40001",
            40001,
            new IllegalStateException(" [2.5.252/105]"));

    RacefreeException error = translate(exception);

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void lockTimeoutOnH2IsLockTimeout() {
    SQLException exception =
        new SQLTimeoutException(
            "Timeout trying to lock table \"T\"",
            "HYT00",
            50200,
            new IllegalStateException(
                "Map entry <table.6> with key <1> ... is locked by tx 1 and can not be updated by"
                    + " tx 2 within allocated time interval 300 ms. [2.5.252/101]"));

    assertThat(translate(exception)).isInstanceOf(LockTimeoutException.class);
  }

  @Test
  void nowaitOnH2IsLockNotAvailable() {
    SQLException exception =
        new SQLTimeoutException(
            "Timeout trying to lock table \"T\"",
            "HYT00",
            50200,
            new IllegalStateException(
                "Map entry <table.6> with key <1> ... is locked by tx 1 and can not be updated by"
                    + " tx 2 within allocated time interval 0 ms. [2.5.252/101]"));

    assertThat(translate(exception)).isInstanceOf(LockNotAvailableException.class);
  }

  @Test
  void lockTimeoutOfNowaitStatementOnH2IsLockNotAvailable() {
    SQLException exception =
        new SQLTimeoutException("Timeout trying to lock table \"T\"", "HYT00", 50200);

    assertThat(SqlErrorTranslator.categoryOf(exception, "SELECT * FROM t FOR UPDATE NOWAIT", H2))
        .isEqualTo(ErrorCategory.LOCK_NOT_AVAILABLE);
  }

  @Test
  void cancelledStatementOnH2IsQueryTimeout() {
    assertThat(translate(h2("Statement was canceled or the session timed out", "57014", 57014)))
        .isInstanceOf(QueryTimeoutException.class);
  }

  @ParameterizedTest(name = "code {0} is a lost connection")
  @CsvSource({"90121", "90067", "90098"})
  void brokenSessionOnH2IsConnectionLost(String code) {
    assertThat(translate(h2("Database is already closed", code, Integer.parseInt(code))))
        .isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void concurrentUpdateOnH2IsSerializationFailure() {
    assertThat(translate(h2("Concurrent update in table \"T\"", "90131", 90131)))
        .isInstanceOf(SerializationFailureException.class);
  }

  @Test
  void featureNotSupportedOnH2IsUnsupportedFeature() {
    assertThat(translate(h2("Feature not supported: \"X\"", "HYC00", 50100)))
        .isInstanceOf(UnsupportedFeatureException.class);
  }

  /** Item 21: the error an H2 transfer under 8 threads produced in the lab (1 in ~25,000). */
  @Test
  void aRollbackRaceInsideH2IsAnAbortedTransactionNotAnUnknownError() {
    SQLException thrown = org.h2.message.DbException.get(org.h2.api.ErrorCode.GENERAL_ERROR_1,
        new IllegalStateException("Transaction was illegally transitioned from ROLLING_BACK to ROLLING_BACK [2.5.252/103]"),
        "Transaction was illegally transitioned from ROLLING_BACK to ROLLING_BACK [2.5.252/103]").getSQLException();
    assertThat(thrown.getErrorCode()).isEqualTo(50000);

    RacefreeException error = translate(thrown);

    assertThat(error).isInstanceOf(TransactionAbortedException.class);
    assertThat(error.getMessage()).contains("ROLLING_BACK").contains("re-run the transaction");
    String other = "Transaction 3 has status ROLLING_BACK, not OPEN [2.5.252/103]";
    assertThat(translate(org.h2.message.DbException.get(org.h2.api.ErrorCode.GENERAL_ERROR_1,
        new IllegalStateException(other), other).getSQLException())).isInstanceOf(TransactionAbortedException.class);
    assertThat(translate(h2("General error: \"something else\"", "HY000", 50000)))
        .isInstanceOf(UnrecognizedDatabaseException.class);
  }
}
