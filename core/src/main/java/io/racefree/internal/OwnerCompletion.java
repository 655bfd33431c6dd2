package io.racefree.internal;

import io.racefree.spi.ExternalTransaction;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * What racefree's part of an application's transaction leaves for the end of that transaction: the
 * completion participants (MariaDB named locks to release) and the {@code onCommit} hooks of the
 * savepoints that were released. Called by the application's transaction manager, once. Not
 * thread-safe. Not API.
 */
final class OwnerCompletion implements ExternalTransaction.CompletionListener {
  private final Connection connection;
  private final TransactionState state;
  private final List<Runnable> hooks = new ArrayList<>();

  OwnerCompletion(Connection connection, TransactionState state) {
    this.connection = connection;
    this.state = state;
  }

  void addHooks(List<Runnable> committedHooks) {
    hooks.addAll(committedHooks);
  }

  @Override
  public void afterCompletion(boolean committed) {
    Throwable participantFailure = state.complete(connection, committed, null);
    RuntimeException hookFailure = null;
    if (committed) {
      try {
        Hooks.runAll(hooks);
      } catch (RuntimeException e) {
        hookFailure = e;
      }
    }
    hooks.clear();
    if (participantFailure != null) {
      if (hookFailure != null) {
        participantFailure.addSuppressed(hookFailure);
      }
      throw participantFailure instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("releasing what racefree held failed", participantFailure);
    }
    if (hookFailure != null) {
      throw hookFailure;
    }
  }
}
