package io.racefree.internal;

import java.sql.Connection;

/** Runs when an outermost transaction has ended; see {@link JdbcTransaction#onCompletion}. Not API. */
@FunctionalInterface
public interface CompletionHook {
  void transactionEnded(Connection connection, boolean committed) throws Exception;
}
