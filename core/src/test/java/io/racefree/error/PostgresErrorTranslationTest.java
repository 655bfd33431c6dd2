package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresErrorTranslationTest {

  /** pgjdbc throws plain PSQLExceptions with vendor code 0; only the SQLState tells. */
  private static RacefreeException translate(String message, String sqlState) {
    return SqlErrorTranslator.translate(
        "test", "SELECT 1", new SQLException(message, sqlState, 0), POSTGRESQL);
  }

  @Test
  void uniqueViolationOnPostgresNamesTheConstraint() {
    RacefreeException error =
        translate(
            "ERROR: duplicate key value violates unique constraint \"account_email_key\"\n"
                + "  Detail: Key (email)=(alice@example.org) already exists.",
            "23505");

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("account_email_key");
    assertThat(error.getMessage()).doesNotContain("alice@example.org");
  }

  @Test
  void foreignKeyViolationOnPostgresNamesTheConstraint() {
    RacefreeException error =
        translate(
            "ERROR: insert or update on table \"child\" violates foreign key constraint"
                + " \"child_parent_id_fkey\"",
            "23503");

    assertThat(error).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName())
        .isEqualTo("child_parent_id_fkey");
  }

  @Test
  void notNullViolationOnPostgresHasNoConstraintName() {
    RacefreeException error =
        translate(
            "ERROR: null value in column \"name\" of relation \"t\" violates not-null constraint",
            "23502");

    assertThat(error).isInstanceOf(NotNullViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isNull();
  }

  @Test
  void checkViolationOnPostgresNamesTheConstraint() {
    RacefreeException error =
        translate(
            "ERROR: new row for relation \"t\" violates check constraint \"t_v_check\"", "23514");

    assertThat(error).isInstanceOf(CheckViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("t_v_check");
  }

  @Test
  void exclusionViolationOnPostgresIsGenericConstraintViolation() {
    RacefreeException error =
        translate(
            "ERROR: conflicting key value violates exclusion constraint \"booking_overlap\"",
            "23P01");

    assertThat(error.category()).isEqualTo(ErrorCategory.CONSTRAINT_VIOLATION);
    assertThat(((ConstraintViolationException) error).constraintName())
        .isEqualTo("booking_overlap");
  }

  @Test
  void serializationFailureOnPostgresIsRetryable() {
    RacefreeException error =
        translate("ERROR: could not serialize access due to concurrent update", "40001");

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void deadlockOnPostgresIsDeadlockNotSerializationFailure() {
    RacefreeException error = translate("ERROR: deadlock detected", "40P01");

    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void lockTimeoutOnPostgresIsLockTimeout() {
    assertThat(translate("ERROR: canceling statement due to lock timeout", "55P03"))
        .isInstanceOf(LockTimeoutException.class);
  }

  @Test
  void nowaitOnPostgresIsLockNotAvailable() {
    assertThat(translate("ERROR: could not obtain lock on row in relation \"t\"", "55P03"))
        .isInstanceOf(LockNotAvailableException.class);
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource({
    "canceling statement due to statement timeout, 57014",
    "canceling statement due to user request, 57014"
  })
  void cancelledStatementOnPostgresIsQueryTimeout(String message, String state) {
    assertThat(translate("ERROR: " + message, state)).isInstanceOf(QueryTimeoutException.class);
  }

  @ParameterizedTest(name = "SQLState {0} is a lost connection")
  @CsvSource({"57P01", "57P02", "57P03", "57P05", "25P03", "08003", "08006", "08001"})
  void terminatedSessionOnPostgresIsConnectionLost(String state) {
    RacefreeException error = translate("FATAL: terminating connection", state);

    assertThat(error).isInstanceOf(ConnectionLostException.class);
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void failedTransactionOnPostgresIsTransactionAborted() {
    RacefreeException error =
        translate(
            "ERROR: current transaction is aborted, commands ignored until end of transaction"
                + " block",
            "25P02");

    assertThat(error).isInstanceOf(TransactionAbortedException.class);
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void featureNotSupportedOnPostgresIsUnsupportedFeature() {
    assertThat(translate("ERROR: FOR UPDATE is not allowed with aggregate functions", "0A000"))
        .isInstanceOf(UnsupportedFeatureException.class);
  }

  @Test
  void syntaxErrorOnPostgresIsOther() {
    RacefreeException error = translate("ERROR: syntax error at or near \"SELEC\"", "42601");

    assertThat(error).isExactlyInstanceOf(UnrecognizedDatabaseException.class);
    assertThat(error.category()).isEqualTo(ErrorCategory.OTHER);
  }
}
