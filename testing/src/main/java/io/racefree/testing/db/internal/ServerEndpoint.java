package io.racefree.testing.db.internal;

/**
 * Where a database server listens and how to log in. {@code embedded} is true for a fallback
 * server started by the kit.
 */
public record ServerEndpoint(String jdbcUrl, String user, String password, boolean embedded) {
  @Override
  public String toString() {
    return jdbcUrl + " as " + user + (embedded ? " (embedded fallback)" : "");
  }
}
