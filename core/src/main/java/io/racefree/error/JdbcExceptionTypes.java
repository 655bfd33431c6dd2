package io.racefree.error;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The last resort: the JDBC 4 subclass the driver chose. Coarse (a rollback exception may be a
 * deadlock or a serialization failure), so it runs only when no code in the chain was recognised.
 * Stateless and thread-safe.
 */
final class JdbcExceptionTypes {
  private JdbcExceptionTypes() {}

  static Optional<ErrorCategory> categoryOf(SQLException exception) {
    if (exception instanceof SQLIntegrityConstraintViolationException) {
      return Optional.of(ErrorCategory.CONSTRAINT_VIOLATION);
    }
    if (exception instanceof SQLTransactionRollbackException) {
      return Optional.of(ErrorCategory.SERIALIZATION_FAILURE);
    }
    if (exception instanceof SQLTimeoutException) {
      return Optional.of(ErrorCategory.QUERY_TIMEOUT);
    }
    if (exception instanceof SQLRecoverableException
        || exception instanceof SQLNonTransientConnectionException
        || exception instanceof SQLTransientConnectionException) {
      return Optional.of(ErrorCategory.CONNECTION_LOST);
    }
    if (exception instanceof SQLFeatureNotSupportedException) {
      return Optional.of(ErrorCategory.UNSUPPORTED_FEATURE);
    }
    return Optional.empty();
  }
}
