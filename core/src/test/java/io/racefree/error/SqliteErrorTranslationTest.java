package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Messages as xerial sqlite-jdbc 3.54.1.0 words them: SQLState null, primary code as vendor code.
 */
class SqliteErrorTranslationTest {

  private static RacefreeException translate(String message, int primaryCode) {
    return SqlErrorTranslator.translate(
        "test", "INSERT INTO t VALUES (?)", new SQLException(message, null, primaryCode), SQLITE);
  }

  @Test
  void uniqueConstraintOnSqliteIsUniqueViolationNamingTheColumns() {
    RacefreeException error =
        translate(
            "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.a,"
                + " t.b)",
            19);

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("t.a, t.b");
  }

  @Test
  void primaryKeyConstraintOnSqliteIsUniqueViolation() {
    RacefreeException error =
        translate(
            "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed"
                + " (UNIQUE constraint failed: t.id)",
            19);

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("t.id");
  }

  @Test
  void foreignKeyConstraintOnSqliteIsForeignKeyViolation() {
    assertThat(
            translate(
                "[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed"
                    + " (FOREIGN KEY constraint failed)",
                19))
        .isInstanceOf(ForeignKeyViolationException.class);
  }

  @Test
  void notNullConstraintOnSqliteIsNotNullViolation() {
    assertThat(
            translate(
                "[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed"
                    + " (NOT NULL constraint failed: t.n)",
                19))
        .isInstanceOf(NotNullViolationException.class);
  }

  @Test
  void checkConstraintOnSqliteIsCheckViolationWithName() {
    RacefreeException error =
        translate(
            "[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed (CHECK constraint failed: ck_v)",
            19);

    assertThat(error).isInstanceOf(CheckViolationException.class);
    assertThat(((ConstraintViolationException) error).constraintName()).isEqualTo("ck_v");
  }

  @Test
  void triggerAbortOnSqliteIsGenericConstraintViolation() {
    assertThat(
            translate("[SQLITE_CONSTRAINT_TRIGGER] A RAISE function failed (nope)", 19).category())
        .isEqualTo(ErrorCategory.CONSTRAINT_VIOLATION);
  }

  @Test
  void busyOnSqliteIsRetryableLockTimeout() {
    RacefreeException error =
        translate("[SQLITE_BUSY] The database file is locked (database is locked)", 5);

    assertThat(error).isInstanceOf(LockTimeoutException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void busySnapshotOnSqliteIsRetryableSerializationFailure() {
    RacefreeException error =
        translate(
            "[SQLITE_BUSY_SNAPSHOT] Another database connection has written (database is locked)",
            5);

    assertThat(error).isInstanceOf(SerializationFailureException.class);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void extendedBusySnapshotCodeWithoutNameIsSerializationFailure() {
    assertThat(translate("database is locked", 517))
        .isInstanceOf(SerializationFailureException.class);
  }

  @Test
  void busyTimeoutExtendedCodeFallsBackToBusy() {
    assertThat(translate("[SQLITE_BUSY_TIMEOUT] blocking lock timed out", 5))
        .isInstanceOf(LockTimeoutException.class);
  }

  @Test
  void lockedOnSqliteIsLockNotAvailable() {
    assertThat(
            translate(
                "[SQLITE_LOCKED] A table in the database is locked (database table is locked)", 6))
        .isInstanceOf(LockNotAvailableException.class);
  }

  @Test
  void interruptOnSqliteIsQueryTimeout() {
    assertThat(
            translate(
                "[SQLITE_INTERRUPT] Operation terminated by sqlite3_interrupt() (interrupted)", 9))
        .isInstanceOf(QueryTimeoutException.class);
  }

  @Test
  void plainSqliteErrorIsOther() {
    assertThat(
            translate("[SQLITE_ERROR] SQL error or missing database (no such table: x)", 1)
                .category())
        .isEqualTo(ErrorCategory.OTHER);
  }
}
