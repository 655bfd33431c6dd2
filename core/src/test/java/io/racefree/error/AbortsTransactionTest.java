package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.H2;
import static io.racefree.dialect.DatabaseKind.MARIADB;
import static io.racefree.dialect.DatabaseKind.MYSQL;
import static io.racefree.dialect.DatabaseKind.POSTGRESQL;
import static io.racefree.dialect.DatabaseKind.SQLITE;
import static io.racefree.error.SqlErrorTranslator.abortsTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.racefree.dialect.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AbortsTransactionTest {

  @ParameterizedTest
  @EnumSource(
      value = ErrorCategory.class,
      names = {
        "NOT_FOUND",
        "TOO_MANY_ROWS",
        "INVALID_REQUEST",
        "TRANSACTION_STATE",
        "STALE_VERSION"
      },
      mode = EnumSource.Mode.EXCLUDE)
  void everyDatabaseErrorAbortsTheTransactionOnPostgres(ErrorCategory category) {
    assertThat(abortsTransaction(category, POSTGRESQL)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "NOT_FOUND",
        "TOO_MANY_ROWS",
        "INVALID_REQUEST",
        "TRANSACTION_STATE",
        "STALE_VERSION"
      })
  void errorsRacefreeRaisesItselfAbortNothing(ErrorCategory category) {
    for (DatabaseKind database : DatabaseKind.values()) {
      assertThat(abortsTransaction(category, database)).as(database.name()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"MARIADB", "MYSQL", "H2"})
  void deadlockAndSerializationFailureRollBackTheTransaction(DatabaseKind database) {
    assertThat(abortsTransaction(ErrorCategory.DEADLOCK, database)).isTrue();
    assertThat(abortsTransaction(ErrorCategory.SERIALIZATION_FAILURE, database)).isTrue();
  }

  @Test
  void lockWaitTimeoutOnMariaDbRollsBackOnlyTheStatement() {
    assertThat(abortsTransaction(ErrorCategory.LOCK_TIMEOUT, MARIADB)).isFalse();
    assertThat(abortsTransaction(ErrorCategory.LOCK_NOT_AVAILABLE, MYSQL)).isFalse();
    assertThat(abortsTransaction(ErrorCategory.QUERY_TIMEOUT, MARIADB)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(names = {"MARIADB", "MYSQL", "H2", "SQLITE"})
  void constraintViolationsRollBackOnlyTheStatementOutsidePostgres(DatabaseKind database) {
    assertThat(abortsTransaction(ErrorCategory.UNIQUE_VIOLATION, database)).isFalse();
    assertThat(abortsTransaction(ErrorCategory.FOREIGN_KEY_VIOLATION, database)).isFalse();
  }

  @Test
  void staleSnapshotOnSqliteAbortsButBusyDoesNot() {
    assertThat(abortsTransaction(ErrorCategory.SERIALIZATION_FAILURE, SQLITE)).isTrue();
    assertThat(abortsTransaction(ErrorCategory.LOCK_TIMEOUT, SQLITE)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void lostConnectionAndAbortedTransactionAbortEverywhere(DatabaseKind database) {
    assertThat(abortsTransaction(ErrorCategory.CONNECTION_LOST, database)).isTrue();
    assertThat(abortsTransaction(ErrorCategory.TRANSACTION_ABORTED, database)).isTrue();
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> abortsTransaction(null, H2));
    assertThatNullPointerException()
        .isThrownBy(() -> abortsTransaction(ErrorCategory.DEADLOCK, null));
  }
}
