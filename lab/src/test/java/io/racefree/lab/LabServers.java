package io.racefree.lab;

import io.racefree.lab.db.Target;
import io.racefree.testing.db.TestServer;

/** The lab's ITs run on the testing kit's servers: the configured ones, or the embedded fallbacks. */
public final class LabServers {
  private LabServers() {}

  public static Target target(TestServer server) {
    return Target.of(server.jdbcUrl(), server.user(), server.password());
  }
}
