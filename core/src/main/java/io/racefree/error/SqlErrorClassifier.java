package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@link ErrorCategory} of a {@link SQLException}. Walks the exception, its causes and
 * its next exceptions; for each it asks the engine's vendor-code table, then the SQLState. Only
 * when no exception in the chain has a known code does it fall back to the JDBC subclass. Each step
 * answers "don't know" (empty) when unsure; if all do, the category is {@link ErrorCategory#OTHER}.
 * Stateless and thread-safe.
 */
final class SqlErrorClassifier {
  /** Enough for any real chain; protects against cycles through getNextException. */
  private static final int MAX_CHAIN = 32;

  private SqlErrorClassifier() {}

  static Classification classify(SQLException exception, ErrorContext context) {
    List<SQLException> chain = chainOf(exception);
    for (SQLException each : chain) {
      Optional<ErrorCategory> byCode = byCodes(each, context);
      if (byCode.isPresent()) {
        return new Classification(byCode.get(), each);
      }
    }
    for (SQLException each : chain) {
      Optional<ErrorCategory> byType = JdbcExceptionTypes.categoryOf(each);
      if (byType.isPresent()) {
        return new Classification(byType.get(), each);
      }
    }
    return new Classification(ErrorCategory.OTHER, exception);
  }

  private static Optional<ErrorCategory> byCodes(SQLException exception, ErrorContext context) {
    Optional<ErrorCategory> byVendorCode = byVendorCode(exception, context);
    return byVendorCode.isPresent() ? byVendorCode : SqlStates.categoryOf(exception);
  }

  private static Optional<ErrorCategory> byVendorCode(
      SQLException exception, ErrorContext context) {
    DatabaseKind database = context.database();
    if (database == null) {
      return Optional.empty(); // vendor codes of different engines overlap
    }
    switch (database) {
      case MARIADB:
      case MYSQL:
        return MySqlErrorCodes.categoryOf(exception, context);
      case SQLITE:
        return SqliteResultCodes.categoryOf(exception);
      case H2:
        return H2ErrorCodes.categoryOf(exception, context);
      default:
        return Optional.empty(); // PostgreSQL: vendor code is always 0
    }
  }

  /** The exception first, then (depth first) its causes and next exceptions, each once. */
  static List<SQLException> chainOf(SQLException exception) {
    List<SQLException> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.push(exception);
    while (!pending.isEmpty() && seen.size() < MAX_CHAIN) {
      Throwable current = pending.pop();
      if (!seen.add(current)) {
        continue;
      }
      if (current instanceof SQLException sqlException) {
        chain.add(sqlException);
        pushIfPresent(pending, sqlException.getNextException());
      }
      pushIfPresent(pending, current.getCause());
    }
    return chain;
  }

  private static void pushIfPresent(Deque<Throwable> pending, Throwable throwable) {
    if (throwable != null) {
      pending.push(throwable);
    }
  }
}
