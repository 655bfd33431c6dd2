package io.racefree.internal;

import io.racefree.spi.ExternalTransaction;
import java.sql.Connection;

/**
 * A plain connection the caller owns ({@link io.racefree.Database#on}): never closed by racefree,
 * and with no way to tell racefree when its transaction ends. Not thread-safe. Not API.
 */
public final class CallerConnection implements ExternalTransaction {
  private final Connection connection;

  public CallerConnection(Connection connection) {
    this.connection = java.util.Objects.requireNonNull(connection, "connection");
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public boolean afterCompletion(CompletionListener listener) {
    return false;
  }

  @Override
  public void release() {
    // the caller closes it
  }
}
