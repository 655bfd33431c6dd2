package io.racefree.error;

import java.sql.SQLException;

/**
 * Builds the leaf exception of a category from the exception that decided it. Stateless and
 * thread-safe.
 */
final class LeafExceptions {
  private static final String UNKNOWN_ADVICE =
      "racefree does not know this error; see the cause. Treat the transaction as failed";

  private static final String CONSTRAINT_ADVICE =
      "fix the data so the constraint holds; the constraint name says which one";

  private LeafExceptions() {}

  static RacefreeException create(
      ErrorCategory category, ErrorDetails details, SQLException source, SQLException original) {
    String problem = ProblemText.of(source);
    String constraint = ConstraintNames.of(category, source.getMessage(), details.database());
    switch (category) {
      case UNIQUE_VIOLATION:
        return new UniqueViolationException(details, constraint, problem, original);
      case FOREIGN_KEY_VIOLATION:
        return new ForeignKeyViolationException(details, constraint, problem, original);
      case NOT_NULL_VIOLATION:
        return new NotNullViolationException(details, constraint, problem, original);
      case CHECK_VIOLATION:
        return new CheckViolationException(details, constraint, problem, original);
      case CONSTRAINT_VIOLATION:
        return new ConstraintViolationException(details, constraint, problem, CONSTRAINT_ADVICE, original);
      case SERIALIZATION_FAILURE:
        return new SerializationFailureException(details, problem, original);
      case DEADLOCK:
        return new DeadlockException(details, problem, original);
      case LOCK_TIMEOUT:
        return new LockTimeoutException(details, problem, original);
      case LOCK_NOT_AVAILABLE:
        return new LockNotAvailableException(details, problem, original);
      case QUERY_TIMEOUT:
        return new QueryTimeoutException(details, problem, original);
      case CONNECTION_LOST:
        if (MySqlErrorCodes.isGaleraNodeNotReady(source)) {
          return new NodeNotReadyException(details, problem, original);
        }
        return new ConnectionLostException(details, problem, original);
      case TRANSACTION_ABORTED:
        return new TransactionAbortedException(details, problem, original);
      case UNSUPPORTED_FEATURE:
        return new UnsupportedFeatureException(details, problem, original);
      default:
        return new UnrecognizedDatabaseException(details, problem, UNKNOWN_ADVICE, original);
    }
  }
}
