package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.MARIADB;
import static io.racefree.dialect.DatabaseKind.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ExceptionChainTranslationTest {

  @Test
  void batchFailureIsClassifiedByItsNextException() {
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
    batch.setNextException(
        new SQLException("ERROR: duplicate key value violates unique constraint \"uk\"", "23505"));

    RacefreeException error = SqlErrorTranslator.translate("batch", "INSERT", batch, POSTGRESQL);

    assertThat(error).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) error).constraintName()).isEqualTo("uk");
    assertThat(error.sqlState()).isEqualTo("23505");
    assertThat(error.getCause()).isSameAs(batch);
  }

  @Test
  void wrappedDriverExceptionIsClassifiedByItsCause() {
    SQLException wrapper =
        new SQLException(
            "pool: statement failed",
            new SQLException("Deadlock found when trying to get lock", "40001", 1213));

    RacefreeException error = SqlErrorTranslator.translate("update", "UPDATE t", wrapper, MARIADB);

    assertThat(error).isInstanceOf(DeadlockException.class);
    assertThat(error.vendorCode()).isEqualTo(1213);
  }

  @Test
  void causeBehindNonSqlExceptionIsFound() {
    SQLException top =
        new SQLException(
            "wrapped", new IllegalStateException("middle", new SQLException("x", "40P01")));

    assertThat(SqlErrorTranslator.categoryOf(top, POSTGRESQL)).isEqualTo(ErrorCategory.DEADLOCK);
  }

  @Test
  void codeInCauseWinsOverSubclassOfTheTop() {
    SQLException top =
        new SQLTransactionRollbackException(
            "rolled back", null, 0, new SQLException("could not serialize", "40P01"));

    assertThat(SqlErrorTranslator.categoryOf(top, POSTGRESQL)).isEqualTo(ErrorCategory.DEADLOCK);
  }

  @Test
  void cyclicNextExceptionChainTerminates() {
    SQLException first = new SQLException("first", "XX000");
    SQLException second = new SQLException("second", "XX001");
    first.setNextException(second);
    second.setNextException(first);

    assertThat(SqlErrorTranslator.categoryOf(first, POSTGRESQL)).isEqualTo(ErrorCategory.OTHER);
  }

  @Test
  void integrityConstraintSubclassWithoutCodesIsGenericConstraintViolation() {
    assertThat(
            SqlErrorTranslator.categoryOf(new SQLIntegrityConstraintViolationException("x"), null))
        .isEqualTo(ErrorCategory.CONSTRAINT_VIOLATION);
  }

  @Test
  void rollbackSubclassWithoutCodesIsSerializationFailure() {
    assertThat(SqlErrorTranslator.categoryOf(new SQLTransactionRollbackException("x"), null))
        .isEqualTo(ErrorCategory.SERIALIZATION_FAILURE);
  }

  @Test
  void timeoutSubclassWithoutCodesIsQueryTimeout() {
    assertThat(SqlErrorTranslator.categoryOf(new SQLTimeoutException("x"), null))
        .isEqualTo(ErrorCategory.QUERY_TIMEOUT);
  }

  @Test
  void connectionSubclassesWithoutCodesAreConnectionLost() {
    assertThat(SqlErrorTranslator.categoryOf(new SQLRecoverableException("x"), null))
        .isEqualTo(ErrorCategory.CONNECTION_LOST);
    assertThat(SqlErrorTranslator.categoryOf(new SQLNonTransientConnectionException("x"), null))
        .isEqualTo(ErrorCategory.CONNECTION_LOST);
    assertThat(SqlErrorTranslator.categoryOf(new SQLTransientConnectionException("x"), null))
        .isEqualTo(ErrorCategory.CONNECTION_LOST);
  }

  @Test
  void featureNotSupportedSubclassIsUnsupportedFeature() {
    assertThat(SqlErrorTranslator.categoryOf(new SQLFeatureNotSupportedException("x"), null))
        .isEqualTo(ErrorCategory.UNSUPPORTED_FEATURE);
  }

  @Test
  void unknownDatabaseIgnoresVendorCodesButUsesSqlState() {
    assertThat(SqlErrorTranslator.categoryOf(new SQLException("x", "HY000", 1213), null))
        .isEqualTo(ErrorCategory.OTHER);
    assertThat(SqlErrorTranslator.categoryOf(new SQLException("x", "40001", 1213), null))
        .isEqualTo(ErrorCategory.SERIALIZATION_FAILURE);
  }

  @Test
  void plainExceptionWithoutAnythingIsOther() {
    RacefreeException error =
        SqlErrorTranslator.translate("task", null, new SQLException((String) null), POSTGRESQL);

    assertThat(error.category()).isEqualTo(ErrorCategory.OTHER);
    assertThat(error.getMessage()).contains("SQLException without a message");
  }
}
